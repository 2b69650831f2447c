// The CSP nonce and request id of the response being rendered, for <Scripts> and error pages.
// Only the server render has them; in the browser the context is empty.
import { createContext, useContext } from "react";
import type { RequestContext } from "./load-context";

const Context = createContext<RequestContext>({});

export const RequestContextProvider = Context.Provider;

export function useRequestContext(): RequestContext {
  return useContext(Context);
}
