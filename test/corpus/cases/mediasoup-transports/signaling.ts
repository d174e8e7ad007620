// The room's WebSocket signaling: request/response with ids, plus server notifications.
type Handler = (data: any) => void;

export class Signaling {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  private readonly handlers = new Map<string, Handler>();

  constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data));
      if (message.response) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.ok) waiting?.resolve(message.data);
        else waiting?.reject(new Error(message.error));
      } else this.handlers.get(message.method)?.(message.data);
    });
  }

  request(method: string, data: unknown = {}): Promise<any> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ request: true, id, method, data }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  on(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }
}
