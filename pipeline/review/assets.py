"""The review page's styles and script (inline: the page opens from disk, no network)."""

PAGE_CSS = """
*{box-sizing:border-box}body{margin:0;font:14px/1.4 system-ui,"Noto Sans",sans-serif;color:#222}
#app{display:grid;grid-template-columns:300px minmax(0,1fr) minmax(0,0.9fr);height:100vh}
#side,#pages,#doc{overflow:auto;padding:10px}#side{background:#f7f7f7;border-right:1px solid #ddd}
#doc{border-left:1px solid #ddd}#side h1{font-size:16px;margin:0 0 8px}#side h2{font-size:14px;margin:14px 0 6px}
#side h3{font-size:13px;margin:10px 0 4px;color:#555}
.note{font-size:12px;color:#555}.warnings{list-style:none;padding:0;margin:0}
.warnings a{display:block;padding:5px 6px;border-bottom:1px solid #e3e3e3;color:#222;text-decoration:none}
.warnings a:hover{background:#fff3cd}.warnings b{color:#8a4b00}.legend label{display:block;font-size:13px}
.sw{display:inline-block;width:12px;height:12px;border:2px solid;margin-right:4px;vertical-align:-2px}
.zoom button{font-size:13px;min-width:32px;margin-right:4px}
#pages{--page-w:900px;padding-left:40px}
.page{position:relative;margin:0 auto 14px;max-width:var(--page-w);width:100%;box-shadow:0 1px 4px #0004;background:#fff;
 content-visibility:auto;contain-intrinsic-size:auto 900px 1270px}
#pages.zoomed .page{width:var(--page-w);max-width:none}
.page img{position:absolute;inset:0;width:100%;height:100%}
.box{position:absolute;border:1.5px solid;cursor:pointer}.box:hover{background:#ffeb3b44}
.box .tag{position:absolute;right:100%;top:-1px;margin-right:3px;font:bold 11px/13px sans-serif;color:#fff;padding:0 3px;
 background:#2ca02c;white-space:nowrap}
.pno{position:absolute;right:4px;bottom:2px;font-size:11px;color:#999}
.k-dropped{border-style:dashed;background:#ff000014}.k-paragraph,.k-agency{border-width:1px}
.k-table_header,.k-label,.k-running{border-width:1px;border-style:dotted;opacity:.6}
.grid{display:none;position:absolute;pointer-events:none}body.grid-shown .grid{display:block}
.g-row{border-top:1px solid #0057e7;border-bottom:1px solid #0057e7}
.g-column{border-left:1px dashed #d62d20;border-right:1px dashed #d62d20;background:#d62d2008}
.g-header{border:2px solid #008744;background:#00874422}
.grid .role{position:absolute;left:0;top:-14px;font:bold 10px/12px sans-serif;background:#d62d20;color:#fff;padding:0 2px;
 white-space:nowrap}.g-header .role{background:#008744;top:auto;bottom:-13px}
.k-grid{border-color:#d62d20}
.flash{outline:3px solid #ffd400;background:#ffd40055!important;z-index:5}
#doc [data-ptr]{cursor:pointer}#doc [data-ptr]:hover{background:#e8f4ff}
"""

PAGE_SCRIPT = """
function showAll(ids){const els=ids.map(i=>document.getElementById(i)).filter(Boolean);if(!els.length)return;
 els[0].scrollIntoView({block:'center'});els.forEach(el=>el.classList.add('flash'));
 setTimeout(()=>els.forEach(el=>el.classList.remove('flash')),1600)}
function boxesOf(ptr){return [...document.querySelectorAll('#pages .box')].filter(b=>b.dataset.ptr===ptr).map(b=>b.id)}
document.querySelectorAll('a.warning,a.dropped').forEach(a=>a.addEventListener('click',e=>{e.preventDefault();
 showAll(a.dataset.targets.split(' '))}));
document.querySelectorAll('#pages .box[data-ptr]').forEach(b=>b.addEventListener('click',()=>{
 if(!b.dataset.ptr)return;const d=document.querySelector('#doc [data-ptr="'+b.dataset.ptr+'"]');
 if(d){d.id=d.id||('d-'+b.id);showAll([d.id])}}));
document.querySelectorAll('#doc [data-ptr]').forEach(d=>d.addEventListener('click',e=>{e.stopPropagation();
 showAll(boxesOf(d.dataset.ptr))}));
document.querySelectorAll('.legend input[data-kind]').forEach(c=>c.addEventListener('change',()=>{
 document.querySelectorAll('.box.k-'+c.dataset.kind).forEach(b=>b.style.display=c.checked?'':'none')}));
const pages=document.getElementById('pages');let width=900;
document.querySelectorAll('.zoom button').forEach(b=>b.addEventListener('click',()=>{
 const z=b.dataset.zoom;width=z==='fit'?900:Math.max(400,Math.min(4000,width*(z==='+'?1.25:0.8)));
 pages.classList.toggle('zoomed',z!=='fit');pages.style.setProperty('--page-w',width+'px')}));
const grid=document.getElementById('show-grid');
if(grid){grid.addEventListener('change',()=>document.body.classList.toggle('grid-shown',grid.checked));
 const m=location.hash.match(/^#grid(?:-(page-\\d+))?$/);  // a link (#grid-page-14) opens a page with the grid shown
 if(m){grid.checked=true;document.body.classList.add('grid-shown');if(m[1])document.getElementById(m[1]).scrollIntoView()}}
"""
