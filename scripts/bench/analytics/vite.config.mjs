// Separate Vite build of the analytics bench harness into .bench/harness-dist/analytics (see ../harness-vite.mjs).
import { harnessViteConfig } from '../harness-vite.mjs';

export default harnessViteConfig(import.meta.dirname);
