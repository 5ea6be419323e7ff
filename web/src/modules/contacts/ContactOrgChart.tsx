import { CrownFilled, UserOutlined } from '@ant-design/icons';
import { Empty, Space, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../api/types';
import { BUYING_ROLE_COLORS } from './buyingRoles';
import { buildOrgChart, type OrgChartNode } from './orgChart';

function nodeTitle(t: TFunction, c: Contact) {
  const decisionMaker = c.buying_role === 'decision_maker';
  return (
    <Space size={4} data-testid={decisionMaker ? 'decision-maker' : undefined}>
      <Typography.Text strong={decisionMaker}>{c.name}</Typography.Text>
      {c.title && <Typography.Text type="secondary">{c.title}</Typography.Text>}
      {c.buying_role && (
        <Tag color={BUYING_ROLE_COLORS[c.buying_role]}>
          {t(`contact.buyingRole.${c.buying_role}`)}
        </Tag>
      )}
    </Space>
  );
}

function toTreeData(t: TFunction, nodes: OrgChartNode[]): DataNode[] {
  return nodes.map(({ contact, reports }) => ({
    key: contact.id,
    title: nodeTitle(t, contact),
    icon:
      contact.buying_role === 'decision_maker' ? (
        <CrownFilled style={{ color: '#cf1322' }} />
      ) : (
        <UserOutlined />
      ),
    children: toTreeData(t, reports),
  }));
}

/** The customer's people by reporting line; decision makers stand out. */
export function ContactOrgChart({ contacts }: { contacts: readonly Contact[] }) {
  const { t } = useTranslation();
  if (contacts.length === 0) return <Empty description={t('contacts.none')} />;
  return (
    <Tree
      showIcon
      defaultExpandAll
      selectable={false}
      treeData={toTreeData(t, buildOrgChart(contacts))}
      aria-label={t('contacts.orgChart')}
    />
  );
}
