// Types for electron-vite's build-time imports in the main process (`?modulePath`) and for
// process.env.ELECTRON_RENDERER_URL, which electron-vite sets in development.
/// <reference types="electron-vite/node" />
