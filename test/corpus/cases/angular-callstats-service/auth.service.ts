// Session state: who is signed in, as an observable the rest of the app subscribes to.
import { Injectable } from '@angular/core';
import { BehaviorSubject } from 'rxjs';

export interface User {
  id: string;
  workspace: string;
}

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly current = new BehaviorSubject<User | null>(null);
  readonly user$ = this.current.asObservable();

  signIn(user: User): void {
    this.current.next(user);
  }

  switchAccount(user: User): void {
    this.current.next(user);
  }

  signOut(): void {
    this.current.next(null);
  }
}
