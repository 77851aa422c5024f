/**
 * The methods an app answers on a path, from Hono's own list of its routes: a request whose
 * path is known but whose method is not gets 405 with these in `Allow` rather than 404.
 * Middleware ("ALL") is not a route. HEAD is answered wherever GET is (Hono), OPTIONS
 * everywhere (the CORS middleware).
 */
interface Route {
  method: string;
  path: string;
}

/** "/v1/units/:id" → /^\/v1\/units\/[^/]+$/ (a ":name{regex}" parameter is one segment too; "*" anything). */
function pathPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment === "*" ? ".*" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  // Exactly the path: Hono routes "/v1/units/" nowhere, so a 405 there would advertise methods that 404.
  return new RegExp(`^${source}$`);
}

export function allowedMethods(routes: () => readonly Route[]): (path: string) => string[] {
  let patterns: { method: string; pattern: RegExp }[] | undefined;
  return (path) => {
    // Compiled on first use: the app's routes are all registered by then.
    patterns ??= routes().filter((r) => r.method !== "ALL").map((r) => ({ method: r.method, pattern: pathPattern(r.path) }));
    const methods = new Set(patterns.filter((p) => p.pattern.test(path)).map((p) => p.method));
    if (methods.size === 0) return [];
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods, "OPTIONS"].sort();
  };
}
