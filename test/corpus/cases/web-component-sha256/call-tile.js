// <call-tile user-email="..." peer-id="..." room="..."> : a one-to-one call widget embedded in the
// intranet portal. The callstats script tag defines window.callstats; the user ID is a SHA-256 of the
// e-mail address so support can find a user without the address showing on the dashboard.
const APP_ID = '288106455';
const APP_SECRET = 'portal-widget-secret';

async function sha256Hex(text) {
  const bytes = new TextEncoder().encode(text.trim().toLowerCase());
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

class CallTile extends HTMLElement {
  static observedAttributes = ['user-email'];

  #cs = null;
  #pc = null;
  #room = null;

  async connectedCallback() {
    this.#cs = new window.callstats();
    await this.#initStats();

    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    this.#pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:stun.example.org' }] });
    stream.getTracks().forEach((track) => this.#pc.addTrack(track, stream));
    this.#pc.ontrack = ({ streams }) => {
      this.querySelector('video.remote').srcObject = streams[0];
    };

    const peerId = this.getAttribute('peer-id');
    if (!peerId) return;
    this.#room = this.getAttribute('room') ?? `tile-${peerId}`;
    this.#cs.addNewFabric(this.#pc, peerId, this.#cs.fabricUsage.multiplex, this.#room, {
      remoteEndpointType: this.#cs.endpointType.peer,
    });
  }

  async #initStats() {
    const userID = await sha256Hex(this.getAttribute('user-email') ?? '');
    this.#cs.initialize(APP_ID, APP_SECRET, userID); // ok: userid-privacy, id-max-bytes -- SHA-256 hex of the address: 64 bytes, not the address
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#cs || oldValue === newValue) return;
    this.#initStats();
  }

  disconnectedCallback() {
    if (this.#pc) {
      this.#cs.sendFabricEvent(this.#pc, this.#cs.fabricEvent.fabricTerminated, this.#room);
      this.#pc.close();
    }
    this.#pc = null;
  }
}

customElements.define('call-tile', CallTile);
