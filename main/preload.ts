// The sandboxed preload: bundled into one CommonJS file, it exposes window.gridpass and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { createGridpassApi } from './preload-api';

const api = createGridpassApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  subscribe: (channel, listener) => {
    // The event carries `sender` (this ipcRenderer): it is dropped here and never reaches the page.
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
});

contextBridge.exposeInMainWorld('gridpass', api);
