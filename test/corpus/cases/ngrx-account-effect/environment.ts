export const environment = {
  production: true,
  callstats: {
    appId: '662607015',
    secret: 'agent-desk-2f9d41',
  },
};
