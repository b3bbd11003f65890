// A toolbar-style button that shows only an icon; its name is the label (also the tooltip).
import type { ButtonHTMLAttributes } from 'react';
import { Icon, type IconName } from './Icon';

interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  icon: IconName;
  label: string;
  filledIcon?: boolean;
  pressed?: boolean;
}

export function IconButton({ icon, label, filledIcon, pressed, className, ...rest }: IconButtonProps) {
  return (
    <button
      type="button"
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      {...rest}
    >
      <Icon name={icon} size={18} filled={filledIcon} />
    </button>
  );
}
