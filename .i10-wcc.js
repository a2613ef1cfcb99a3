const {wxmlToJs}=require('miniprogram-compiler'); const vm=require('vm');
const s=wxmlToJs(require('path').resolve('dist/weapp'),{maxBuffer:64*1024*1024});
const ctx={window:{},console}; ctx.global=ctx;
const $gwx=vm.runInNewContext('(function(global){'+s+'})(this)',ctx);
console.log(typeof $gwx);
const g=$gwx('pages/home/index.wxml');
console.log(typeof g);
const out=g({root:{cn:[{nn:'0',sid:'_n_1',cn:[{nn:'8',v:'你好'}]}]}},{},{});
console.log(JSON.stringify(out,null,1).slice(0,3000));
