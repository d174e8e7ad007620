import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

export interface Profile {
  statsAlias: string;
  displayName: string;
}

interface CallState {
  profile: Profile | null;
  roomId: string | null;
  peers: string[];
}

const initialState: CallState = { profile: null, roomId: null, peers: [] };

const callSlice = createSlice({
  name: 'call',
  initialState,
  reducers: {
    signedIn(state, action: PayloadAction<{ profile: Profile }>) {
      state.profile = action.payload.profile;
    },
    accountSwitched(state, action: PayloadAction<{ profile: Profile }>) {
      state.profile = action.payload.profile;
      state.peers = [];
    },
    peerConnected(state, action: PayloadAction<{ peerAlias: string }>) {
      state.peers.push(action.payload.peerAlias);
    },
    roomAssigned(state, action: PayloadAction<{ roomId: string }>) {
      state.roomId = action.payload.roomId;
    },
    peerLeft(state, action: PayloadAction<{ peerAlias: string }>) {
      state.peers = state.peers.filter((alias) => alias !== action.payload.peerAlias);
    },
  },
});

export const { signedIn, accountSwitched, peerConnected, roomAssigned, peerLeft } = callSlice.actions;
export default callSlice.reducer;
