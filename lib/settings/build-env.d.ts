// Build-time pre-configuration injected by Vite `define` in wxt.config.ts ('' when unset).
declare const __SYNCLENS_API_URL__: string;
declare const __SYNCLENS_API_TOKEN__: string;
declare const __SYNCLENS_POLL_MINUTES__: string;
