import { openRunFolder } from "./run-folder";

/** Before any project's workers start: the run's temporary folder (see run-folder.ts). */
export default function setup() {
  openRunFolder();
}
