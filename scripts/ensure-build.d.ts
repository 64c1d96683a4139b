/** Builds dist/ for production when it is missing or older than its sources; true if it built. */
export function ensureBuild(root?: string): boolean;

/** Why dist/ must be built again, or null when it is current. */
export function staleReason(root?: string): string | null;
