// The language server program (dist/server.js): the VS Code client forks it, the bin requires it; either way it starts.
import { startServer } from './server.js';

startServer();
