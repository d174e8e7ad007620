import { Injectable } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { createAction, props } from '@ngrx/store';
import { map, tap } from 'rxjs/operators';
import { CallstatsClient, QueueKind } from './callstats-client';
import { environment } from './environment';

export interface AgentAccount {
  id: string;
  statsAlias: string;
  displayName: string;
  email: string;
}

export const accountLoaded = createAction('[Auth] Account Loaded', props<{ account: AgentAccount }>());
export const accountSwitched = createAction('[Auth] Account Switched', props<{ account: AgentAccount }>());
export const callAccepted = createAction(
  '[Calls] Accepted',
  props<{ pc: RTCPeerConnection; ticketId: string; queue: QueueKind; customerToken: string }>(),
);
export const callTracked = createAction('[Calls] Tracked', props<{ conferenceId: string }>());

@Injectable()
export class CallstatsEffects {
  // Both the first login and every switch of the shared agent desk re-initialize.
  readonly initOnAccount$ = createEffect(
    () =>
      this.actions$.pipe(
        ofType(accountLoaded, accountSwitched),
        tap(({ account }) => {
          if (account.statsAlias === this.stats.activeUserId) return;
          this.stats.initialize(environment.callstats.appId, environment.callstats.secret, account.statsAlias); // ok: userid-privacy -- the alias is an opaque server-made id, not the e-mail
        }),
      ),
    { dispatch: false },
  );

  readonly trackCall$ = createEffect(() =>
    this.actions$.pipe(
      ofType(callAccepted),
      map(({ pc, ticketId, queue, customerToken }) => {
        const conferenceId = this.stats.conferenceIdFor(queue, ticketId);
        this.stats.trackCustomerCall(pc, customerToken, conferenceId);
        pc.addEventListener('iceconnectionstatechange', () => {
          if (pc.iceConnectionState === 'failed') this.stats.failed(pc, conferenceId, new Error('ICE failed'));
        });
        return callTracked({ conferenceId });
      }),
    ),
  );

  constructor(private readonly actions$: Actions, private readonly stats: CallstatsClient) {}
}
