import { app } from '@azure/functions';
import { register } from './register';

// Azure entry point (package.json "main"): the Functions runtime loads this module.
register(app);
