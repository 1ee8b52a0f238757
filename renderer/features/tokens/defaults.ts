/**
 * Form defaults. The Sandbox profile's demo applications are known, so its forms start filled
 * in; other servers' client ids differ per deployment and start empty.
 */
export interface FlowDefaults {
  loginClientId: string;
  redirectUri: string;
  oboClientId: string;
  oboScopes: string;
}

const SANDBOX: FlowDefaults = {
  loginClientId: 'agent-login-app',
  redirectUri: 'http://127.0.0.1/callback',
  oboClientId: 'obo-client',
  oboScopes: 'openid',
};

const OTHER: FlowDefaults = {
  loginClientId: '',
  redirectUri: 'http://127.0.0.1/callback',
  oboClientId: '',
  oboScopes: 'openid',
};

export function flowDefaults(sandbox: boolean): FlowDefaults {
  return sandbox ? SANDBOX : OTHER;
}
