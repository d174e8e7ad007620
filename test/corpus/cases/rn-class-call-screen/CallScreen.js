import React, { Component } from 'react';
import { View, Text, TouchableOpacity, StyleSheet } from 'react-native';
import { RTCPeerConnection, RTCView, mediaDevices } from 'react-native-webrtc';
import callstats from 'react-native-callstats/callstats';
import { CALLSTATS_APP_ID, CALLSTATS_SECRET } from './constants';

export default class CallScreen extends Component {
  state = { localStream: null, remoteStream: null, status: 'connecting' };

  componentDidMount() {
    const { me } = this.props;
    this.callstats = new callstats();
    this.callstats.initialize(CALLSTATS_APP_ID, CALLSTATS_SECRET, me.userId, this.onStatsStatus);
    this.callstats.on('error', (err) => console.warn('callstats error', err)); // expect: removed-api
    this.callstats.on('mediaDisruption', (info) => this.setState({ status: `disrupted: ${info.type}` })); // ok: removed-api -- an event name the SDK accepts
    this.startCall().catch((error) => this.setState({ status: `failed: ${error.message}` }));
  }

  componentWillUnmount() {
    if (this.pc) {
      this.callstats.sendFabricEvent(this.pc, this.callstats.fabricEvent.fabricTerminated, this.props.call.id);
      this.pc.close();
    }
    this.state.localStream?.getTracks().forEach((track) => track.stop());
  }

  onStatsStatus = (status, message) => {
    if (status !== 'success') console.log('callstats init', status, message);
  };

  async startCall() {
    const { call, peer, signaling } = this.props;
    const localStream = await mediaDevices.getUserMedia({ audio: true, video: { facingMode: 'user' } });
    this.setState({ localStream });

    this.pc = new RTCPeerConnection({ iceServers: call.iceServers });
    localStream.getTracks().forEach((track) => this.pc.addTrack(track, localStream));
    this.callstats.addNewFabric(this.pc, peer.displayName, this.callstats.fabricUsage.multiplex, call.id); // expect: userid-privacy

    this.pc.addEventListener('track', (event) => this.setState({ remoteStream: event.streams[0] }));
    this.pc.addEventListener('icecandidate', ({ candidate }) => candidate && signaling.send({ candidate }));
    this.pc.addEventListener('iceconnectionstatechange', () => {
      const state = this.pc.iceConnectionState;
      this.setState({ status: state });
      if (state === 'failed') {
        this.callstats.sendFabricEvent(this.pc, this.callstats.fabricEvent.fabricSetupFailed, call.id); // expect: removed-api
      }
    });

    try {
      const offer = await this.pc.createOffer();
      await this.pc.setLocalDescription(offer);
      signaling.send({ sdp: this.pc.localDescription });
    } catch (error) {
      this.callstats.reportError(this.pc, call.id, this.callstats.webRTCFunctions.createOffer, error);
    }
  }

  toggleMute = () => {
    const [track] = this.state.localStream.getAudioTracks();
    track.enabled = !track.enabled;
    const event = track.enabled ? this.callstats.fabricEvent.audioUnmute : this.callstats.fabricEvent.audioMute;
    this.callstats.sendFabricEvent(this.pc, event, this.props.call.id);
  };

  render() {
    const { localStream, remoteStream, status } = this.state;
    return (
      <View style={styles.container}>
        {remoteStream && <RTCView streamURL={remoteStream.toURL()} style={styles.remote} objectFit="cover" />}
        {localStream && <RTCView streamURL={localStream.toURL()} style={styles.local} mirror />}
        <Text style={styles.status}>{status}</Text>
        <TouchableOpacity onPress={this.toggleMute} style={styles.button}>
          <Text>Mute</Text>
        </TouchableOpacity>
      </View>
    );
  }
}

const styles = StyleSheet.create({
  container: { flex: 1, backgroundColor: '#000' },
  remote: { flex: 1 },
  local: { position: 'absolute', width: 120, height: 160, right: 16, top: 16 },
  status: { color: '#fff', textAlign: 'center', padding: 8 },
  button: { alignSelf: 'center', padding: 12, backgroundColor: '#eee', borderRadius: 24 },
});
