/**
 * Fixed identifiers of the demo data, so the README, docs and curl examples stay valid
 * across restarts.
 */
export const DEMO = {
  rootOrgHandle: 'carbon.super',
  orgs: {
    business: '3b1c6a52-8f0e-4c5e-9d2a-6f1b7c2e4a10',
    businessEurope: '4c2d7b63-9a1f-4d6f-8e3b-7a2c8d3f5b21',
    businessAsia: '5d3e8c74-ab20-4e70-9f4c-8b3d9e406c32',
    businessAmericas: '6e4f9d85-bc31-4f81-a05d-9c4eaf517d43',
    /** A regional office two levels below Business (a grandchild of the root's child). */
    businessEuropeBerlin: '7f50ae96-cd42-4092-b16e-ad5fb0628e54',
    retail: '8061bfa7-de53-41a3-827f-be60c1739f65',
    logistics: '9172c0b8-ef64-42b4-9380-cf71d284a076',
  },
  agents: {
    supportAssistant: '7a1b7d63-8cfc-4dc9-9332-3f84641b72d8',
    travelPlanner: '2f4c9e1a-5b6d-4c3e-8f7a-1b2c3d4e5f60',
    invoiceBot: 'a3b4c5d6-e7f8-4a9b-8c0d-1e2f3a4b5c6d',
  },
  agentSecrets: {
    supportAssistant: 'support-assistant-secret',
    travelPlanner: 'travel-planner-secret',
    invoiceBot: 'invoice-bot-secret',
  },
  apps: {
    admin: { clientId: 'sharedesk-admin', clientSecret: 'sharedesk-admin-secret' },
    agentLogin: { clientId: 'agent-login-app', clientSecret: 'agent-login-app-secret' },
    obo: { clientId: 'obo-client' },
    /** Public client for interactive administrator sign-in (user `admin` / `admin`). */
    console: { clientId: 'sharedesk-console' },
  },
  users: {
    alice: {
      id: 'b5c6d7e8-f9a0-4b1c-9d2e-3f4a5b6c7d8e',
      userName: 'alice',
      password: 'alice-password',
    },
  },
} as const;
