// End-to-end tests start the whole stack and a browser: give them minutes, not seconds.
// (testTimeout inside a jest project entry is ignored, so the e2e project sets it here.)
jest.setTimeout(180_000);
