/**
 * Runs before every test file. CI machines set CI=true, which makes Ink print
 * only the last frame; the wizard's tests assert on every frame, as a user on
 * a terminal would see them.
 */
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
