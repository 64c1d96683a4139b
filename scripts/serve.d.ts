import type { Server } from "node:http";

export interface StartedServer {
  server: Server;
  port: number;
  url: string;
}

/** Serves the folder `root` (built files) on `port`, 0 for any free port. */
export function startServer(options: { root: string; port?: number; host?: string }): Promise<StartedServer>;

export const TYPES: Record<string, string>;
