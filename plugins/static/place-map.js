// A small Leaflet map of one place (entity pages). Leaflet is datasette-leaflet's ES module
// build, found through window.datasette.leaflet; tiles are OpenStreetMap's (blocked
// offline: the marker and its label still show).
const el = document.getElementById("place-map");
if (el && window.datasette && window.datasette.leaflet) {
  import(window.datasette.leaflet.JAVASCRIPT_URL).then((L) => {
    const point = [parseFloat(el.dataset.latitude), parseFloat(el.dataset.longitude)];
    const map = L.map(el, { scrollWheelZoom: false }).setView(point, 5);
    L.tileLayer("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    }).addTo(map);
    // A circle marker needs no icon images; the name goes in as text, never as HTML.
    const marker = L.circleMarker(point, { radius: 8, color: "#a4520c", fillOpacity: 0.8 }).addTo(map);
    const label = document.createElement("span");
    label.textContent = el.dataset.name;
    marker.bindTooltip(label, { permanent: true, direction: "right" });
  });
}
