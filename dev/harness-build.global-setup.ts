import { buildOnce } from "./built-addin.global-setup.ts";

/** The browser tests' build: the pane, the web checker and the harness, office.js from the npm copy. */
export default buildOnce("harness");
