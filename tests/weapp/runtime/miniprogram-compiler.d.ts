// The npm package miniprogram-compiler (WeChat's wcc/wcsc with a Node wrapper) ships no types.
declare module 'miniprogram-compiler' {
  export function wxmlToJs(root: string, options?: { maxBuffer?: number; cut?: boolean }): string;
  export function wxssToJs(root: string, options?: { maxBuffer?: number }): string;
}
