export * from './atw-calendar';
export * from './calendar-errors';
export * from './duration';
export * from './easter';
export * from './local-date';
export * from './working-days';
