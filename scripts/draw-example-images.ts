/**
 * Draws the example portfolio's figures: architecture diagrams and before/after charts of the
 * projects in data/projects/, from the facts written there (nothing invented), as PNG files
 * under the data folder's assets root (data/static/images/projects/<page>/).
 *
 *   npx tsx scripts/draw-example-images.ts [--out data]
 *
 * The seed page's /static/images/projects/other-projects/api_docs.png (a Swagger UI screenshot)
 * is left undrawn on purpose: a screenshot cannot be honestly redrawn, and the example shows the
 * placeholder frame a missing image gets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { fontFile } from '../src/core/fonts.js';
import { opaqueCopy } from '../src/validate/opaquePng.js';

GlobalFonts.registerFromPath(fontFile('Pretendard', 'Regular'), 'Pretendard');
GlobalFonts.registerFromPath(fontFile('Pretendard', 'Bold'), 'Pretendard Bold');

const WIDTH = 1200;
const INK = '#1d232b';
const MUTED = '#5b6673';
const ACCENT = '#1f4e8c';
const TONES = {
  blue: { fill: '#e8eff8', stroke: '#1f4e8c' },
  teal: { fill: '#e3f3f1', stroke: '#17756b' },
  amber: { fill: '#fbf1de', stroke: '#a86a00' },
  grey: { fill: '#f1f3f6', stroke: '#7a8591' },
} as const;
type Tone = keyof typeof TONES;

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  lines?: string[];
  tone?: Tone;
}
interface Edge {
  from: string;
  to: string;
  label?: string;
  dashed?: boolean;
  route?: 'hv' | 'vh';
}
interface Group {
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
}
interface Diagram {
  kind: 'diagram';
  title: string;
  height: number;
  groups?: Group[];
  boxes: Box[];
  edges: Edge[];
  note?: string;
}
interface Chart {
  kind: 'chart';
  title: string;
  unit: string;
  /** Lower is better (latency, failures) or higher is better (quality). */
  better: 'lower' | 'higher';
  bars: { label: string; value: number; from?: number; text: string }[];
  max: number;
  note?: string;
}
type Figure = Diagram | Chart;

const font = (size: number, bold = false) => `${size}px ${bold ? '"Pretendard Bold"' : 'Pretendard'}`;

function drawTitle(ctx: SKRSContext2D, title: string) {
  ctx.fillStyle = ACCENT;
  ctx.fillRect(40, 34, 6, 30);
  ctx.fillStyle = INK;
  ctx.font = font(28, true);
  ctx.textBaseline = 'middle';
  ctx.fillText(title, 60, 50);
}

function drawNote(ctx: SKRSContext2D, note: string | undefined, height: number) {
  if (!note) return;
  ctx.fillStyle = MUTED;
  ctx.font = font(19);
  ctx.textAlign = 'left';
  ctx.fillText(note, 40, height - 28);
}

function roundRect(ctx: SKRSContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

function drawDiagram(ctx: SKRSContext2D, d: Diagram) {
  for (const g of d.groups ?? []) {
    ctx.setLineDash([8, 6]);
    ctx.strokeStyle = '#9aa6b2';
    ctx.lineWidth = 2;
    roundRect(ctx, g.x, g.y, g.w, g.h, 14);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = MUTED;
    ctx.font = font(18, true);
    ctx.textAlign = 'left';
    ctx.fillText(g.label, g.x + 14, g.y + 20);
  }
  const byId = new Map(d.boxes.map((b) => [b.id, b]));
  for (const e of d.edges) drawEdge(ctx, byId.get(e.from)!, byId.get(e.to)!, e);
  for (const b of d.boxes) drawBox(ctx, b);
}

function drawBox(ctx: SKRSContext2D, b: Box) {
  const tone = TONES[b.tone ?? 'blue'];
  ctx.fillStyle = tone.fill;
  ctx.strokeStyle = tone.stroke;
  ctx.lineWidth = 2.5;
  roundRect(ctx, b.x, b.y, b.w, b.h, 12);
  ctx.fill();
  ctx.stroke();
  const lines = b.lines ?? [];
  const total = 30 + lines.length * 25;
  let y = b.y + (b.h - total) / 2 + 15;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = INK;
  ctx.font = font(24, true);
  ctx.fillText(b.title, b.x + b.w / 2, y);
  ctx.font = font(20);
  ctx.fillStyle = MUTED;
  for (const line of lines) {
    y += 25;
    ctx.fillText(line, b.x + b.w / 2, y + 4);
  }
}

/**
 * An arrow between two boxes: by default between their facing sides (with a dog-leg when they
 * are not aligned); `hv` leaves sideways and enters from above or below, `vh` the other way.
 */
function drawEdge(ctx: SKRSContext2D, a: Box, b: Box, e: Edge) {
  const points = edgePoints(a, b, e.route);
  ctx.strokeStyle = '#56616d';
  ctx.fillStyle = '#56616d';
  ctx.lineWidth = 2.5;
  ctx.setLineDash(e.dashed ? [7, 6] : []);
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
  ctx.stroke();
  ctx.setLineDash([]);
  const end = points[points.length - 1]!;
  const before = points[points.length - 2]!;
  const angle = Math.atan2(end.y - before.y, end.x - before.x);
  ctx.beginPath();
  ctx.moveTo(end.x, end.y);
  ctx.lineTo(end.x - 13 * Math.cos(angle - 0.42), end.y - 13 * Math.sin(angle - 0.42));
  ctx.lineTo(end.x - 13 * Math.cos(angle + 0.42), end.y - 13 * Math.sin(angle + 0.42));
  ctx.closePath();
  ctx.fill();
  if (e.label) {
    const start = points[0]!;
    const horizontal = start.y === points[1]!.y;
    ctx.font = font(17);
    ctx.fillStyle = MUTED;
    ctx.textAlign = horizontal ? 'center' : 'left';
    ctx.fillText(e.label, horizontal ? (start.x + points[1]!.x) / 2 : start.x + 10, horizontal ? start.y - 16 : (start.y + points[1]!.y) / 2);
  }
}

type Point = { x: number; y: number };

function edgePoints(a: Box, b: Box, route?: 'hv' | 'vh'): Point[] {
  const ac = { x: a.x + a.w / 2, y: a.y + a.h / 2 };
  const bc = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  const sideX = (box: Box, towards: number) => (towards > box.x + box.w / 2 ? box.x + box.w : box.x);
  const sideY = (box: Box, towards: number) => (towards > box.y + box.h / 2 ? box.y + box.h : box.y);
  if (route === 'hv')
    return [
      { x: sideX(a, bc.x), y: ac.y },
      { x: bc.x, y: ac.y },
      { x: bc.x, y: sideY(b, ac.y) },
    ];
  if (route === 'vh')
    return [
      { x: ac.x, y: sideY(a, bc.y) },
      { x: ac.x, y: bc.y },
      { x: sideX(b, ac.x), y: bc.y },
    ];
  const horizontal = Math.abs(bc.x - ac.x) * a.h > Math.abs(bc.y - ac.y) * a.w;
  if (horizontal) {
    const start = { x: sideX(a, bc.x), y: ac.y };
    const end = { x: sideX(b, ac.x), y: bc.y };
    const mid = (start.x + end.x) / 2;
    return start.y === end.y ? [start, end] : [start, { x: mid, y: start.y }, { x: mid, y: end.y }, end];
  }
  const start = { x: ac.x, y: sideY(a, bc.y) };
  const end = { x: bc.x, y: sideY(b, ac.y) };
  const mid = (start.y + end.y) / 2;
  return start.x === end.x ? [start, end] : [start, { x: start.x, y: mid }, { x: end.x, y: mid }, end];
}

function drawChart(ctx: SKRSContext2D, c: Chart, height: number) {
  const left = 230;
  const right = WIDTH - 150;
  const top = 110;
  const rowHeight = 92;
  const scale = (v: number) => left + ((right - left) * v) / c.max;
  // Axis with a few ticks.
  ctx.strokeStyle = '#d5dbe3';
  ctx.lineWidth = 1.5;
  ctx.font = font(17);
  ctx.fillStyle = MUTED;
  ctx.textAlign = 'center';
  for (let i = 0; i <= 4; i++) {
    const v = (c.max / 4) * i;
    const x = scale(v);
    ctx.beginPath();
    ctx.moveTo(x, top - 10);
    ctx.lineTo(x, top + rowHeight * c.bars.length);
    ctx.stroke();
    ctx.fillText(`${Math.round(v)}${c.unit}`, x, top + rowHeight * c.bars.length + 22);
  }
  c.bars.forEach((bar, i) => {
    const y = top + i * rowHeight + 16;
    const last = i === c.bars.length - 1;
    ctx.textAlign = 'right';
    ctx.fillStyle = INK;
    ctx.font = font(23, true);
    ctx.fillText(bar.label, left - 20, y + 28);
    ctx.fillStyle = last ? ACCENT : '#a9b4c1';
    if (bar.from !== undefined) {
      // A range (60~70%): the solid part up to `from`, hatched-light up to `value`.
      ctx.fillRect(scale(0), y, scale(bar.from) - scale(0), 56);
      ctx.globalAlpha = 0.45;
      ctx.fillRect(scale(bar.from), y, scale(bar.value) - scale(bar.from), 56);
      ctx.globalAlpha = 1;
    } else ctx.fillRect(scale(0), y, scale(bar.value) - scale(0), 56);
    ctx.textAlign = 'left';
    ctx.fillStyle = last ? ACCENT : INK;
    ctx.font = font(24, true);
    ctx.fillText(bar.text, scale(bar.value) + 14, y + 28);
  });
  ctx.textAlign = 'right';
  ctx.font = font(18);
  ctx.fillStyle = MUTED;
  ctx.fillText(c.better === 'lower' ? '짧을수록 좋음' : '길수록 좋음', right + 100, 50);
  drawNote(ctx, c.note, height);
}

async function draw(file: string, figure: Figure) {
  const height = figure.kind === 'diagram' ? figure.height : 110 + figure.bars.length * 92 + 80 + (figure.note ? 30 : 0);
  const canvas = createCanvas(WIDTH, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, height);
  drawTitle(ctx, figure.title);
  if (figure.kind === 'diagram') {
    drawDiagram(ctx, figure);
    drawNote(ctx, figure.note, height);
  } else drawChart(ctx, figure, height);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Opaque RGB: smaller, and the build need not make an opaque copy (see opaquePng).
  fs.writeFileSync(file, opaqueCopy(await canvas.encode('png')));
  process.stdout.write(`${file}  ${WIDTH}×${height}  ${(fs.statSync(file).size / 1024).toFixed(1)} KB\n`);
}

/** Boxes in one row, evenly spaced across the width. */
function row(y: number, h: number, items: Omit<Box, 'x' | 'y' | 'w' | 'h'>[], { left = 40, right = WIDTH - 40, gap = 46 } = {}): Box[] {
  const w = (right - left - gap * (items.length - 1)) / items.length;
  return items.map((item, i) => ({ ...item, x: left + i * (w + gap), y, w, h }));
}
const chain = (boxes: Box[], label?: (i: number) => string | undefined): Edge[] =>
  boxes.slice(1).map((b, i) => ({ from: boxes[i]!.id, to: b.id, label: label?.(i) }));

const FIGURES: Record<string, Figure> = {
  'ilogyo/architecture.png': (() => {
    const layers = row(
      150,
      150,
      [
        { id: 'collect', title: '수집', lines: ['GA4', 'BigQuery', 'Pub/Sub'] },
        { id: 'validate', title: '검증', lines: ['실시간', '배치'], tone: 'teal' },
        { id: 'store', title: '저장', lines: ['BigQuery'] },
        { id: 'process', title: '처리', lines: ['Airflow'], tone: 'amber' },
        { id: 'serve', title: '서빙', lines: ['PostgreSQL', 'Redis'] },
      ],
      { gap: 40 },
    );
    const apps: Box = { id: 'apps', x: 40, y: 370, w: 330, h: 96, title: '여러 앱', lines: ['일 1억 건 이상의 행동 로그'], tone: 'grey' };
    const debug: Box = { id: 'debug', x: 560, y: 370, w: 330, h: 96, title: 'Debug 앱', lines: ['전송 즉시 검증 결과 확인'], tone: 'teal' };
    return {
      kind: 'diagram',
      title: 'I.Log.Yo 멀티 레이어 아키텍처',
      height: 530,
      groups: [{ x: 24, y: 112, w: WIDTH - 48, h: 210, label: '로그 스키마 표준화: 이벤트의 목적과 필수 파라미터 정의' }],
      boxes: [...layers, apps, debug],
      edges: [...chain(layers), { from: 'apps', to: 'collect' }, { from: 'debug', to: 'validate', dashed: true }],
    };
  })(),
  'ilogyo/log-quality.png': {
    kind: 'chart',
    title: '로그 품질',
    unit: '%',
    better: 'higher',
    max: 100,
    bars: [
      { label: '이전', from: 60, value: 70, text: '60~70%' },
      { label: '이후', value: 95, text: '95% 이상' },
    ],
  },
  'delivery-eta/architecture.png': (() => {
    const client: Box = { id: 'client', x: 40, y: 240, w: 210, h: 110, title: '예측 요청', lines: ['피크타임 초당 수백 건'], tone: 'grey' };
    const services = [
      { id: 'model', x: 350, y: 130, w: 300, h: 96, title: '모델 서빙', lines: ['FastAPI · 비동기 I/O'] },
      { id: 'geo', x: 350, y: 246, w: 300, h: 96, title: '지리정보 연산', lines: ['FastAPI · 비동기 I/O'] },
      { id: 'store', x: 350, y: 362, w: 300, h: 96, title: '가게 정보관리', lines: ['FastAPI · 비동기 I/O'] },
    ] satisfies Box[];
    const redis: Box = { id: 'redis', x: 760, y: 246, w: 380, h: 96, title: 'Redis 클러스터', lines: ['다중 레벨 캐싱'], tone: 'amber' };
    const cron: Box = { id: 'cron', x: 760, y: 130, w: 380, h: 96, title: 'CronJob 사전 스케일링', lines: ['피크타임 2시간 전 Node·Pod 확장'], tone: 'teal' };
    const hpa: Box = { id: 'hpa', x: 760, y: 362, w: 380, h: 96, title: 'HPA · Probe · 리소스', lines: ['서비스별 특성에 맞춘 설정'], tone: 'teal' };
    return {
      kind: 'diagram',
      title: '배달 시간 예측 실시간 서빙 아키텍처',
      height: 540,
      groups: [{ x: 320, y: 92, w: 850, h: 392, label: 'Kubernetes' }],
      boxes: [client, ...services, redis, cron, hpa],
      edges: [...services.map((s) => ({ from: 'client', to: s.id })), ...services.map((s) => ({ from: s.id, to: 'redis', dashed: true }))],
    };
  })(),
  'delivery-eta/latency.png': {
    kind: 'chart',
    title: '피크타임 평균 응답시간',
    unit: 'ms',
    better: 'lower',
    max: 100,
    bars: [
      { label: '이전', value: 100, text: '100ms' },
      { label: '이후', value: 20, text: '20ms (80% 개선)' },
    ],
  },
  'mlops/lifecycle.png': (() => {
    const steps = row(
      170,
      120,
      [
        { id: 'train', title: '학습' },
        { id: 'package', title: '패키징', lines: ['BentoML'] },
        { id: 'deploy', title: '배포 · 서빙', lines: ['BentoML'] },
        { id: 'monitor', title: '모니터링', tone: 'teal' },
      ],
      { gap: 70 },
    );
    const ct: Box = { id: 'ct', x: 380, y: 380, w: 440, h: 100, title: '지속적 학습 (Continuous Training)', lines: ['Airflow 파이프라인'], tone: 'amber' };
    return {
      kind: 'diagram',
      title: 'ML 모델 라이프사이클',
      height: 540,
      boxes: [...steps, ct],
      edges: [...chain(steps), { from: 'monitor', to: 'ct', route: 'vh' }, { from: 'ct', to: 'train', route: 'hv' }],
    };
  })(),
  'dataviz/architecture.png': (() => {
    const users: Box = { id: 'users', x: 40, y: 170, w: 230, h: 110, title: '전사 임직원', lines: ['데이터 기반 의사결정'], tone: 'grey' };
    const api: Box = { id: 'api', x: 360, y: 170, w: 300, h: 110, title: 'RESTful API', lines: ['Python FastAPI'] };
    const bq: Box = { id: 'bq', x: 850, y: 170, w: 300, h: 110, title: 'BigQuery', lines: ['대용량 데이터'] };
    const airflow: Box = { id: 'airflow', x: 850, y: 370, w: 300, h: 100, title: 'Airflow', lines: ['데이터 처리 파이프라인'], tone: 'amber' };
    return {
      kind: 'diagram',
      title: '데이터 시각화 플랫폼 구성',
      height: 530,
      groups: [{ x: 330, y: 120, w: 360, h: 370, label: 'GKE' }],
      boxes: [users, api, bq, airflow],
      edges: [
        { from: 'users', to: 'api', label: '시각화' },
        { from: 'api', to: 'bq', label: '조회' },
        { from: 'airflow', to: 'bq', label: '적재' },
      ],
    };
  })(),
  'other-projects/snowflake_poc.png': (() => {
    const s3: Box = { id: 's3', x: 40, y: 200, w: 220, h: 110, title: 'S3', lines: ['데이터 도착'], tone: 'grey' };
    const pipe: Box = { id: 'pipe', x: 350, y: 120, w: 380, h: 100, title: 'Snowpipe / Lambda', lines: ['실시간: 준실시간 CDC 수집'], tone: 'teal' };
    const copy: Box = { id: 'copy', x: 350, y: 290, w: 380, h: 100, title: 'COPY INTO', lines: ['배치: INFER_SCHEMA · Parquet · 분할'], tone: 'amber' };
    const sf: Box = { id: 'sf', x: 840, y: 200, w: 320, h: 110, title: 'Snowflake', lines: ['Redshift와 비교 검증'] };
    return {
      kind: 'diagram',
      title: 'Snowflake PoC: 데이터 적재 시나리오',
      height: 470,
      boxes: [s3, pipe, copy, sf],
      edges: [
        { from: 's3', to: 'pipe' },
        { from: 's3', to: 'copy' },
        { from: 'pipe', to: 'sf' },
        { from: 'copy', to: 'sf' },
      ],
      note: '검증 항목: Data Sharing · Connector · Snowpipe · 적재 성능(실시간, 배치)',
    };
  })(),
  'other-projects/mcms.png': (() => {
    const steps = row(
      150,
      120,
      [
        { id: 'web', title: '웹 어플리케이션', lines: ['Spring Boot · 비용 입력과 관리'] },
        { id: 'check', title: '유효성 검사', lines: ['입력 데이터 정확성'], tone: 'teal' },
        { id: 'batch', title: '마케팅 비용 배치', tone: 'amber' },
      ],
      { gap: 90 },
    );
    const before: Box = { id: 'before', x: 200, y: 340, w: 280, h: 90, title: '배치 장애 월 1회', tone: 'grey' };
    const after: Box = { id: 'after', x: 720, y: 340, w: 280, h: 90, title: '배치 장애 0회', tone: 'teal' };
    return {
      kind: 'diagram',
      title: 'MCMS: 마케팅 비용 통합 관리',
      height: 480,
      boxes: [...steps, before, after],
      edges: [...chain(steps), { from: 'before', to: 'after', label: '유효성 검사 도입' }],
    };
  })(),
  'other-projects/library.png': (() => {
    const config: Box = { id: 'config', x: 40, y: 140, w: 250, h: 100, title: '설정 파일', lines: ['YAML / JSON'], tone: 'amber' };
    const runner: Box = { id: 'runner', x: 40, y: 320, w: 250, h: 100, title: '파이프라인 실행기', tone: 'teal' };
    const modules = row(
      230,
      110,
      [
        { id: 'connect', title: '연결', lines: ['PostgreSQL', 'Redshift · S3'] },
        { id: 'clean', title: '정제' },
        { id: 'transform', title: '변환' },
        { id: 'aggregate', title: '집계' },
        { id: 'save', title: '저장', lines: ['S3'] },
      ],
      { left: 380, gap: 26 },
    );
    return {
      kind: 'diagram',
      title: '공용 Python 데이터 처리 라이브러리',
      height: 500,
      groups: [{ x: 356, y: 180, w: WIDTH - 380, h: 190, label: '표준화된 공통 모듈' }],
      boxes: [config, runner, ...modules],
      edges: [{ from: 'config', to: 'runner' }, { from: 'runner', to: 'connect' }, ...chain(modules)],
      note: '데이터 관련 개발 생산성 60% 이상 향상',
    };
  })(),
  'other-projects/ai_batch.png': (() => {
    const steps = row(
      160,
      120,
      [
        { id: 'nb', title: 'SageMaker 노트북', lines: ['학습 환경'], tone: 'amber' },
        { id: 'train', title: '모델 학습' },
        { id: 'deploy', title: '배포 파이프라인' },
        { id: 'api', title: '예측 API', tone: 'teal' },
      ],
      { gap: 60 },
    );
    return {
      kind: 'diagram',
      title: 'AWS 기반 ML 모델 학습 · 배포',
      height: 390,
      groups: [{ x: 22, y: 110, w: WIDTH - 44, h: 200, label: 'AWS' }],
      boxes: steps,
      edges: chain(steps),
      note: '서빙한 모델: 첫 구매 고객 예측 · 이탈 유저 예측 · 사용자 그룹 모델링',
    };
  })(),
  'other-projects/api.png': (() => {
    const partner: Box = { id: 'partner', x: 40, y: 170, w: 250, h: 110, title: '파트너사', lines: ['채널링 사이트'], tone: 'grey' };
    const auth: Box = { id: 'auth', x: 370, y: 170, w: 300, h: 110, title: '인증 · 권한', lines: ['API Key · IP Whitelist'], tone: 'teal' };
    const api: Box = { id: 'api', x: 750, y: 170, w: 400, h: 110, title: 'Flask API 서버', lines: ['Pydantic 요청·응답 검증'] };
    const docs: Box = { id: 'docs', x: 750, y: 350, w: 400, h: 90, title: 'Swagger API 문서', lines: ['자동 생성'], tone: 'amber' };
    return {
      kind: 'diagram',
      title: '외부 채널링 데이터 제공 API',
      height: 500,
      boxes: [partner, auth, api, docs],
      edges: [
        { from: 'partner', to: 'auth', label: '요청' },
        { from: 'auth', to: 'api' },
        { from: 'api', to: 'docs', dashed: true },
      ],
      note: '데이터 제공 소요 시간: 수일 → 실시간',
    };
  })(),
};

const outFlag = process.argv.indexOf('--out');
const dataDir = outFlag > 0 ? process.argv[outFlag + 1]! : 'data';
const root = path.join(dataDir, 'static/images/projects');
for (const [name, figure] of Object.entries(FIGURES)) await draw(path.join(root, name), figure);
