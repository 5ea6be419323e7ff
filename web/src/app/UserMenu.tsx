import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { logout } from '../modules/auth/api';

/** The avatar's menu in the header: my profile and sign out. */
export function UserMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();

  const handleClick: MenuProps['onClick'] = async ({ key }) => {
    if (key === 'profile') {
      navigate('/profile');
      return;
    }
    try {
      await logout();
    } finally {
      client.clear();
      navigate('/login', { replace: true });
    }
  };

  const items: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined />, label: t('menu.profile') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout') },
  ];
  return (
    <Dropdown menu={{ items, onClick: handleClick }} trigger={['click', 'hover']}>
      <Button type="text" data-testid="user-menu" style={{ height: 'auto', paddingInline: 4 }}>
        {children}
      </Button>
    </Dropdown>
  );
}
