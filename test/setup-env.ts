/**
 * Runs before every test file. CI machines set CI=true, which makes Ink print
 * only the last frame; the wizard's tests assert on every frame, as a user on
 * a terminal would see them.
 */
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
// A brand.yaml in the developer's config folder must not restyle the reports tests make (src/report/brand.ts).
process.env.HANDOFF_ASSESS_CONFIG_DIR ??= '/nonexistent/handoff-assess-test-config';
