export interface PublisherInfo {
  publisherId: string;
  displayName: string;
  tracks: { kind: 'audio' | 'video'; muted: boolean }[];
}

type Handler = (payload: any) => void;

export class SignalClient {
  private readonly ws: WebSocket;
  private readonly handlers = new Map<string, Handler[]>();
  private readonly pending = new Map<number, (payload: any) => void>();
  private nextId = 1;

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.id && this.pending.has(message.id)) {
        this.pending.get(message.id)!(message.payload);
        this.pending.delete(message.id);
      } else {
        for (const handler of this.handlers.get(message.type) ?? []) handler(message.payload);
      }
    };
  }

  on(type: string, handler: Handler) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  request(type: string, payload: unknown): Promise<any> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, type, payload }));
    return new Promise((resolve) => this.pending.set(id, resolve));
  }
}
