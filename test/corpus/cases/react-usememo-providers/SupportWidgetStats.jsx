import React, { createContext, useContext, useEffect, useMemo } from 'react';
import callstats from 'callstats-js/callstats.min';

// The embeddable support widget: the host page renders it with the visitor, first as a guest and
// again with the account once the visitor signs in on the host page.
const WidgetStatsContext = createContext(null);

const WIDGET_APP_ID = '738211904';
const WIDGET_APP_SECRET = 'c2VjcmV0LWZvci10aGUtd2lkZ2V0';

function createStatsClient(visitorId) {
  const cs = new callstats();
  cs.initialize(WIDGET_APP_ID, WIDGET_APP_SECRET, visitorId, (status, message) => {
    if (status !== 'success') console.warn('support widget stats:', message);
  });
  return cs;
}

export function WidgetStatsProvider({ visitor, children }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const client = useMemo(() => createStatsClient(visitor.id), []); // expect: reinit-on-userid-change

  useEffect(() => {
    console.debug('support widget visitor is now', visitor.id);
  }, [visitor.id]);

  return <WidgetStatsContext.Provider value={client}>{children}</WidgetStatsContext.Provider>;
}

export function useAgentCall(pc, agent, ticket) {
  const client = useContext(WidgetStatsContext);
  useEffect(() => {
    if (!pc || !agent || !ticket) return;
    const conferenceID = `support-ticket-${ticket.id}`;
    client.addNewFabric(pc, agent.id, client.fabricUsage.multiplex, conferenceID);
    return () => client.sendFabricEvent(pc, client.fabricEvent.fabricTerminated, conferenceID);
  }, [client, pc, agent, ticket]);
}
