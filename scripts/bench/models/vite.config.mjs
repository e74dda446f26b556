// Separate Vite build of the models bench harness into .bench/harness-dist/models (see ../harness-vite.mjs).
import { harnessViteConfig } from '../harness-vite.mjs';

export default harnessViteConfig(import.meta.dirname);
