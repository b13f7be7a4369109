/**
 * The signed-in owner's tokens. The access token lives only in memory; the refresh token is kept in sessionStorage
 * (this tab, until it closes) so a reload can get new tokens. It is single use: every refresh rotates it, as the API
 * does. Nothing is ever written to localStorage.
 */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
}

const refreshKey = "cleanrag.dashboard.refresh";
let accessToken: string | null = null;

export function signIn(tokens: Tokens): void {
  accessToken = tokens.accessToken;
  sessionStorage.setItem(refreshKey, tokens.refreshToken);
}

export function signOut(): void {
  accessToken = null;
  sessionStorage.removeItem(refreshKey);
}

export function currentAccessToken(): string | null {
  return accessToken;
}

/** The refresh token, taken out of storage: it is single use, so whoever spends it stores the new one. */
export function takeRefreshToken(): string | null {
  const token = sessionStorage.getItem(refreshKey);
  sessionStorage.removeItem(refreshKey);
  return token;
}
