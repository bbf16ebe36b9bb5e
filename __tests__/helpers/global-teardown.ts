import { removeRunFolder } from "./run-folder";

/** After every project's own teardown (which stops its portals): the run's temporary folder goes. */
export default function teardown() {
  removeRunFolder();
}
