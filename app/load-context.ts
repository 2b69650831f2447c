// What the production server (app/server/index.ts) hands every loader and action. Missing under
// the Vite dev server, so every field is optional.
export interface RequestContext {
  cspNonce?: string;
  requestId?: string;
  clientIp?: string;
}

declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
}
