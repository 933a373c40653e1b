/**
 * The stylesheet of /aanbod, served as a file of its own: the Content-Security-Policy (`default-src 'self'`) allows
 * no inline styles. Large type, strong contrast (WCAG AA), one column for a phone.
 */
export const AANBOD_CSS = `*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:112.5%;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0 auto;max-width:40rem;padding:0 1rem 2rem}
a{color:#0b4f8a}
a:focus,button:focus,input:focus,select:focus{outline:3px solid #b35c00;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{position:static}
header{border-top:.5rem solid #0b5394;padding-top:.5rem}
.lang{text-align:right;margin:0}
h1{font-size:1.7rem;line-height:1.2;margin:.5rem 0}
h2{font-size:1.25rem;margin:0 0 .25rem}
ul.list{list-style:none;padding:0;margin:0}
ul.list li{border:2px solid #767676;border-radius:.5rem;padding:.75rem;margin:0 0 1rem}
p{margin:.25rem 0}
.seats{font-weight:700}
.button,button{display:inline-block;margin-top:.5rem;padding:.6rem 1rem;min-height:44px;border:0;border-radius:.4rem;background:#0b5394;color:#fff;font:inherit;font-weight:700;text-decoration:none}
label{display:block;font-weight:700;margin-top:1rem}
input,select{display:block;width:100%;min-height:44px;font:inherit;padding:.4rem;border:2px solid #555;border-radius:.3rem;background:#fff;color:#1a1a1a}
.hp{display:none}
.notice{border-left:.4rem solid #0b5394;padding:.5rem .75rem;background:#eef4fa}
.error{border-left:.4rem solid #a00000;padding:.5rem .75rem;background:#fbeeee}
`;
