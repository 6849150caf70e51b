import Link from 'next/link';
export default function Navbar({ items = [] }) {
  return (<nav className="navbar">{items.map(i => <Link key={i.href} href={i.href}>{i.label}</Link>)}</nav>);
}
