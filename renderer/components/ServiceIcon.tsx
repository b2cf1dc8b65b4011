import { Baby, BadgeCheck, Briefcase, Building, Car, Drama, Factory, FileText, FlaskConical, Globe, GraduationCap, HeartPulse, Inbox, Landmark, LandPlot, Receipt, Scale, ShieldCheck, Stamp, TreePine, Users, UsersRound, Warehouse, Wheat } from 'lucide-react';
import type { LucideIcon } from 'lucide-react';
import type { ServiceIconKey } from '../../shared/serviceIcons';

const ICONS: Record<ServiceIconKey, LucideIcon> = {
  family: Users,
  stamp: Stamp,
  land: LandPlot,
  scales: Scale,
  people: UsersRound,
  inbox: Inbox,
  tree: TreePine,
  briefcase: Briefcase,
  building: Building,
  car: Car,
  health: HeartPulse,
  education: GraduationCap,
  factory: Factory,
  wheat: Wheat,
  culture: Drama,
  science: FlaskConical,
  finance: Landmark,
  tax: Receipt,
  shield: ShieldCheck,
  police: BadgeCheck,
  globe: Globe,
  industry: Warehouse,
  document: FileText,
  baby: Baby,
};

/** A service's or group's icon from the bundled set; decorative, the name beside it says what it is. */
export function ServiceIcon({ icon, size = 48 }: { icon: string; size?: number }) {
  const Icon = ICONS[icon as ServiceIconKey] ?? FileText;
  return <Icon className="service-icon" size={size} strokeWidth={1.75} aria-hidden="true" />;
}
