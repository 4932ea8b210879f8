// Who is signed in, shared by every page.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { ApiError, api, type Principal, setUnauthorizedHandler } from './api';

interface AuthState {
  principal: Principal | null;
  loading: boolean;
  /** True when the server ended the session while the console was open. */
  sessionEnded: boolean;
  refresh: () => Promise<void>;
  signOut: (everywhere?: boolean) => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [sessionEnded, setSessionEnded] = useState(false);
  const me = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await api.get<Principal>('/auth/me');
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return null;
        throw e;
      }
    },
    retry: false,
  });
  // A session that ended elsewhere (expiry, "sign out everywhere") brings back the sign-in page.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(['me'], null);
      setSessionEnded(true);
    });
    return () => setUnauthorizedHandler(null);
  }, [qc]);
  const state: AuthState = {
    principal: me.data ?? null,
    loading: me.isLoading,
    sessionEnded,
    refresh: async () => {
      setSessionEnded(false);
      await qc.invalidateQueries({ queryKey: ['me'] });
    },
    signOut: async (everywhere = false) => {
      await api.post(everywhere ? '/auth/logout-all' : '/auth/logout').catch(() => undefined);
      // Not qc.clear(): that would drop the 'me' query from under its observer, and the page
      // would never learn that nobody is signed in any more.
      qc.setQueryData(['me'], null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      setSessionEnded(false);
    },
  };
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

export const isAdmin = (p: Principal | null) =>
  Boolean(p?.roles.some((r) => r === 'bureau_admin' || r === 'gs_admin'));
export const isDpo = (p: Principal | null) => Boolean(p?.roles.includes('dpo'));
/** Border checks: an officer or supervisor of a unit (or central office) with the screening capability. */
export const mayScreen = (p: Principal | null) =>
  Boolean(
    p?.capabilities.includes('screening') && p.roles.some((r) => r === 'officer' || r === 'supervisor'),
  );
