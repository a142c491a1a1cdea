'use client'

import { Button, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import React, { useCallback, useEffect, useState } from 'react'

type Label = { de: string; en: string }
type Status = {
  state: string
  live: boolean
  transitions: string[]
  history: {
    transition: string
    from: string
    to: string
    user: string | number | null
    comment: string | null
    at: string
  }[]
}

export type WorkflowPanelProps = {
  /** Labels and rules from the workflow definition (serialisable). */
  states: Record<string, Label>
  transitions: { name: string; label: Label; commentRequired: boolean; schedulable: boolean }[]
}

/**
 * The review panel in the document sidebar: the state, the transitions the signed-in user may
 * take (from the server, which decides), a comment, and the history.
 */
export const WorkflowPanel: React.FC<WorkflowPanelProps> = ({ states, transitions }) => {
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const router = useRouter()
  const language: keyof Label = i18n.language === 'en' ? 'en' : 'de'
  const [status, setStatus] = useState<Status | null>(null)
  const [comment, setComment] = useState('')
  const [publishAt, setPublishAt] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const url = `${config.serverURL}${config.routes.api}/${collectionSlug}/${id}/workflow`
  const text = (de: string, en: string) => (language === 'de' ? de : en)

  const load = useCallback(async () => {
    if (!id) return
    const response = await fetch(url, { credentials: 'include' })
    if (response.ok) setStatus((await response.json()) as Status)
  }, [id, url])

  useEffect(() => {
    void load()
  }, [load])

  if (!id) {
    return (
      <p className="workflow-panel__hint">
        {text('Erst speichern, dann einreichen.', 'Save first, then submit.')}
      </p>
    )
  }

  const take = async (name: string) => {
    setBusy(true)
    setError(null)
    const response = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        transition: name,
        comment: comment || undefined,
        publishAt: publishAt ? new Date(publishAt).toISOString() : undefined,
      }),
    })
    const body = (await response.json()) as Status & { errors?: { message: string }[] }
    setBusy(false)
    if (!response.ok) {
      setError(body.errors?.[0]?.message ?? `HTTP ${response.status}`)
      return
    }
    setStatus(body)
    setComment('')
    setPublishAt('')
    router.refresh()
  }

  const labelOf = (state: string) => states[state]?.[language] ?? state
  const available = transitions.filter((transition) =>
    status?.transitions.includes(transition.name),
  )

  return (
    <div className="workflow-panel" data-testid="workflow-panel">
      <h4>{text('Freigabe', 'Review')}</h4>
      <p>
        <strong data-testid="workflow-state">{status ? labelOf(status.state) : '…'}</strong>
        {status?.live ? <span> · {text('Live-Version online', 'live version online')}</span> : null}
      </p>
      {available.length > 0 ? (
        <>
          <label htmlFor="workflow-comment">{text('Kommentar', 'Comment')}</label>
          <textarea
            id="workflow-comment"
            rows={3}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            style={{ width: '100%' }}
          />
          {available.some((transition) => transition.schedulable) ? (
            <>
              <label htmlFor="workflow-publish-at">
                {text('Veröffentlichen am (optional)', 'Publish at (optional)')}
              </label>
              <input
                id="workflow-publish-at"
                type="datetime-local"
                value={publishAt}
                onChange={(event) => setPublishAt(event.target.value)}
              />
            </>
          ) : null}
          <div className="workflow-panel__actions">
            {available.map((transition) => (
              <Button
                key={transition.name}
                buttonStyle="secondary"
                size="small"
                disabled={busy || (transition.commentRequired && !comment.trim())}
                onClick={() => void take(transition.name)}
              >
                {transition.label[language]}
              </Button>
            ))}
          </div>
        </>
      ) : null}
      {error ? (
        <p role="alert" className="workflow-panel__error">
          {error}
        </p>
      ) : null}
      {status && status.history.length > 0 ? (
        <ol className="workflow-panel__history">
          {status.history.map((step) => (
            <li key={`${step.at}-${step.transition}`}>
              {new Date(step.at).toLocaleString(language === 'de' ? 'de-DE' : 'en-GB')}:{' '}
              {labelOf(step.from)} → {labelOf(step.to)}
              {step.comment ? <q> {step.comment}</q> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  )
}
