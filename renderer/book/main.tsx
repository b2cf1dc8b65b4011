import '../styles/book.css';
import { createRoot } from 'react-dom/client';
import { BookApp } from './BookApp';
import { TrackTicket } from './TrackTicket';

// The hub's public pages: its own small entry (no office screens, no web fonts), for a phone on a
// slow link. /t/<office>/<ticket> follows a ticket; everything else is the booking page.
const track = /^\/t\/(o_[0-9a-f]+)\/([A-Za-z0-9]+)$/.exec(location.pathname);
createRoot(document.getElementById('root') as HTMLElement).render(track ? <TrackTicket officeId={track[1] as string} ticketId={track[2] as string} /> : <BookApp />);
