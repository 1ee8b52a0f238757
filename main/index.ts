/** Electron entry: wiring only. */
import { app } from 'electron';

void app.whenReady().then(() => {
  // The window and handlers are registered by the shell module.
});
