import { Injectable, OnDestroy } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { BehaviorSubject, Observable, Subscription } from 'rxjs';
import { distinctUntilChanged, filter, map, switchMap } from 'rxjs/operators';
import callstats from 'callstats-js/callstats.min';

export interface AuthUser {
  id: string;
  displayName: string;
  tenant: string;
}

interface TokenResponse {
  token: string;
}

const APP_ID = '716254993';

@Injectable({ providedIn: 'root' })
export class CallQualityService implements OnDestroy {
  private readonly user$ = new BehaviorSubject<AuthUser | null>(null);
  private readonly sdk = new callstats();
  private readonly subscription: Subscription;
  private initializedFor: string | null = null;

  constructor(private readonly http: HttpClient) {
    this.subscription = this.user$
      .pipe(
        filter((user): user is AuthUser => user !== null),
        map((user) => user.id),
        distinctUntilChanged(),
        switchMap((userId) => this.fetchToken(userId).pipe(map((token) => ({ userId, token })))),
      )
      .subscribe(({ userId, token }) => {
        // Every new signed-in user re-initializes with that user's ID.
        this.sdk.initialize(APP_ID, (forceNew: boolean, cb: (err: unknown, token?: string) => void) => cb(null, token), userId, (status: string, message: string) => {
          if (status !== 'success') console.warn('callstats init failed', message);
        });
        this.initializedFor = userId;
      });
  }

  setUser(user: AuthUser | null): void {
    this.user$.next(user);
  }

  get ready(): boolean {
    return this.initializedFor !== null;
  }

  private fetchToken(userId: string): Observable<string> {
    return this.http
      .post<TokenResponse>('/api/callstats/token', { userId })
      .pipe(map((response) => response.token));
  }

  watchPeer(pc: RTCPeerConnection, peerId: string, meetingId: string): void {
    if (!this.ready) return;
    this.sdk.addNewFabric(pc, peerId, this.sdk.fabricUsage.multiplex, meetingId, { // ok: api-before-initialize -- guarded by ready, which is set after initialize
      remoteEndpointType: this.sdk.endpointType.peer,
      fabricTransmissionDirection: this.sdk.transmissionDirection.sendrecv,
    });
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'failed') {
        this.sdk.reportError(pc, meetingId, this.sdk.webRTCFunctions.iceConnectionFailure, new Error('ICE failed'));
      }
    });
  }

  reportMute(pc: RTCPeerConnection, meetingId: string, muted: boolean): void {
    const event = muted ? this.sdk.fabricEvent.audioMute : this.sdk.fabricEvent.audioUnmute;
    this.sdk.sendFabricEvent(pc, event, meetingId);
  }

  hangUp(pc: RTCPeerConnection, meetingId: string): void {
    this.sdk.sendFabricEvent(pc, this.sdk.fabricEvent.fabricTerminated, meetingId);
    pc.close();
  }

  ngOnDestroy(): void {
    this.subscription.unsubscribe();
    this.user$.complete();
  }
}

export function meetingIdFromRoute(tenant: string, slug: string): string {
  return `${tenant}/${slug}`;
}

