// Runs before each unit and components test file: a module that opens the database when
// imported (through the session helpers) must not create ./data inside the project, whose
// new folder would make the build look stale to every portal started after it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "coop-unit-"));
