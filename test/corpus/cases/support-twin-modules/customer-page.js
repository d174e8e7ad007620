// Customer page: the customer talks to one agent at a time, peer to peer.
import { ONBOARDING_ROOM } from './agent-console.js';

const cs = new callstats();

export function startCustomer(customer) {
  cs.initialize('661205938', 'YWdlbnQtY29uc29sZQ==', customer.id);
}

export function joinOnboardingAsCustomer(agentId, pc) {
  cs.addNewFabric(pc, agentId, cs.fabricUsage.multiplex, 'Onboarding-Room'); // expect: id-case-collision, conference-id-reuse
}

export function rejoinOnboarding(agentId, pc) {
  cs.addNewFabric(pc, agentId, cs.fabricUsage.multiplex, ONBOARDING_ROOM); // ok: id-case-collision -- the same constant as the agent console
}

export function joinTicket(ticket, agentId, pc) {
  cs.addNewFabric(pc, agentId, cs.fabricUsage.multiplex, `ticket-${ticket.id}`); // expect: id-case-collision:warn
}

export function joinQueue(queue, agentId, pc) {
  cs.addNewFabric(pc, agentId, cs.fabricUsage.multiplex, 'queue-' + queue.id); // expect: id-case-collision -- 'Queue-' + queue.id in agent-console.js
}

export function rateAgent(ticket, customer, stars) {
  cs.sendUserFeedback(`Ticket-${ticket.id}`, { userID: customer.id, overall: stars }); // ok: id-case-collision -- the agent console's spelling, which came first
}
