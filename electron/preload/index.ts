import { contextBridge, ipcRenderer } from 'electron';
import { createHostBridge } from './bridge';

// The sandboxed preload: exposes the host bridge to the isolated page world and nothing else.
contextBridge.exposeInMainWorld('stowageHost', createHostBridge(ipcRenderer, process.platform));
