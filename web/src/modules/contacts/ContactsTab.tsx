import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Popconfirm, Row, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../api/types';
import { useCurrentSession } from '../../app/sessionContext';
import { ErrorState } from '../../ui/ErrorState';
import { useContacts, useDeleteContact } from './api';
import { BUYING_ROLE_COLORS } from './buyingRoles';
import { ContactFormModal } from './ContactFormModal';
import { ContactOrgChart } from './ContactOrgChart';

type Editing = { contact?: Contact } | null;

/** The customer's contacts: org chart beside the list, with add, edit and delete. */
export function ContactsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { access } = useCurrentSession();
  const contacts = useContacts(customerId);
  const remove = useDeleteContact(customerId);
  const [editing, setEditing] = useState<Editing>(null);
  const canWrite = access.can('contact.write');
  const list = contacts.data ?? [];
  const nameOf = (id: number | null) => list.find((c) => c.id === id)?.name ?? '';

  if (contacts.isError) {
    return <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />;
  }
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={9}>
        <Card title={t('contacts.orgChart')} loading={contacts.isPending} data-testid="org-chart">
          <ContactOrgChart contacts={list} />
        </Card>
      </Col>
      <Col xs={24} xl={15}>
        <Card
          title={t('dossier.tab.contacts')}
          extra={
            canWrite && (
              <Button icon={<PlusOutlined />} onClick={() => setEditing({})}>
                {t('contacts.add')}
              </Button>
            )
          }
        >
          <Table<Contact>
            rowKey="id"
            size="small"
            loading={contacts.isPending}
            dataSource={list}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'name', dataIndex: 'name', title: t('contact.field.name') },
              { key: 'title', dataIndex: 'title', title: t('contact.field.title') },
              {
                key: 'buying_role',
                title: t('contact.field.buying_role'),
                render: (_, c) =>
                  c.buying_role && (
                    <Tag color={BUYING_ROLE_COLORS[c.buying_role]}>
                      {t(`contact.buyingRole.${c.buying_role}`)}
                    </Tag>
                  ),
              },
              {
                key: 'reports_to',
                title: t('contact.field.reports_to_id'),
                render: (_, c) => nameOf(c.reports_to_id),
              },
              { key: 'phone', dataIndex: 'phone', title: t('contact.field.phone') },
              { key: 'email', dataIndex: 'email', title: t('contact.field.email') },
              ...(canWrite
                ? [
                    {
                      key: 'actions',
                      title: t('common.actions'),
                      render: (_: unknown, c: Contact) => (
                        <Space>
                          <Button
                            size="small"
                            type="link"
                            icon={<EditOutlined />}
                            aria-label={t('common.edit')}
                            onClick={() => setEditing({ contact: c })}
                            data-testid={`contact-edit-${c.id}`}
                          />
                          <Popconfirm
                            title={t('contacts.confirmDelete', { name: c.name })}
                            onConfirm={() => remove.mutate(c)}
                          >
                            <Button
                              size="small"
                              type="link"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('common.delete')}
                            />
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Col>
      {editing && (
        <ContactFormModal
          customerId={customerId}
          contact={editing.contact}
          contacts={list}
          onClose={() => setEditing(null)}
        />
      )}
    </Row>
  );
}
