// Puts each remote stream into the participant grid.
export function attachRemoteMedia({ track, streams }) {
  const [stream] = streams;
  let video = document.getElementById(`stream-${stream.id}`);
  if (!video) {
    video = document.createElement('video');
    video.id = `stream-${stream.id}`;
    video.autoplay = true;
    video.playsInline = true;
    document.getElementById('grid').append(video);
  }
  video.srcObject = stream;
  track.addEventListener('ended', () => video.remove());
}
